namespace Akka.Configuration.Hocon;

/// <summary>An ordered list of values.</summary>
internal sealed class HoconArray : IHoconElement
{
    internal HoconArray(List<HoconValue> items)
    {
        Items = items;
    }

    internal List<HoconValue> Items { get; }
}

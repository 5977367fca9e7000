namespace Akka.Configuration.Hocon;

/// <summary>One piece of a <see cref="HoconValue"/>: a literal, an object, an array or a substitution.</summary>
internal interface IHoconElement
{
}

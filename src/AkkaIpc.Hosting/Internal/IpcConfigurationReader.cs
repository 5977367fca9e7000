using System.Text;
using Akka.Configuration;
using Microsoft.Extensions.Configuration;

namespace AkkaIpc.Hosting.Internal;

/// <summary>
/// Reads an <c>IConfiguration</c> section (say <c>"AkkaIpc"</c> in appsettings.json) into HOCON and endpoints. Settings
/// use <see cref="IpcOptions"/>' property names with values written as in reference.conf ("5s", "4MiB",
/// "length-prefixed"); <c>Listeners</c>, <c>Connectors</c> and <c>Servers</c> are arrays of
/// <c>{ Path, Key, Subscriber?, ActorName?, Framing? }</c>, Key and Subscriber assembly-qualified type names. An unknown name is an error (a
/// misspelt key would otherwise be carried along unread), as is a missing Path or a Key that names no type.
/// </summary>
internal static class IpcConfigurationReader
{
    private static readonly Dictionary<string, SocketRole> Lists = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Listeners"] = SocketRole.Listener,
        ["Connectors"] = SocketRole.Connector,
        ["Servers"] = SocketRole.Server,
    };

    private static readonly string[] EndpointKeys =
        [
            nameof(IpcEndpointOptions.Path), nameof(IpcEndpointOptions.Key), nameof(IpcEndpointOptions.Subscriber),
            nameof(IpcEndpointOptions.ActorName), nameof(IpcEndpointOptions.Framing),
        ];

    public static (string Hocon, List<IpcEndpointOptions> Endpoints) Read(IConfiguration configuration)
    {
        var hocon = new StringBuilder();
        var endpoints = new List<IpcEndpointOptions>();
        foreach (var child in configuration.GetChildren())
        {
            if (Lists.TryGetValue(child.Key, out var role))
            {
                endpoints.AddRange(child.GetChildren().Select(e => Endpoint(role, e)));
                continue;
            }

            var option = IpcOptionKeys.All.FirstOrDefault(o => string.Equals(o.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (option.Key is null)
            {
                throw Fail(child, "unknown name; expected one of " +
                    string.Join(", ", IpcOptionKeys.All.Select(o => o.Name).Concat(Lists.Keys)));
            }

            hocon.Append(IpcOptionKeys.Root).Append(option.Key).Append(" = ").Append(Value(child)).Append('\n');
        }

        return (hocon.ToString(), endpoints);
    }

    private static string Value(IConfigurationSection section)
    {
        var items = section.GetChildren().ToList();
        if (section.Value is { } scalar)
            return IpcOptionKeys.Quote(scalar);
        if (items.Count == 0)
            return "[]";   // an empty array in JSON arrives as a section with neither value nor children
        return "[" + string.Join(", ", items.Select(i => i.Value is { } v ? IpcOptionKeys.Quote(v) : throw Fail(i, "expected a value"))) + "]";
    }

    private static IpcEndpointOptions Endpoint(SocketRole role, IConfigurationSection section)
    {
        foreach (var unknown in section.GetChildren().Where(c => !EndpointKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
            throw Fail(unknown, "unknown name; expected one of " + string.Join(", ", EndpointKeys));

        var path = section[nameof(IpcEndpointOptions.Path)];
        if (string.IsNullOrEmpty(path))
            throw Fail(section, "Path is missing");
        var key = TypeOf(section, nameof(IpcEndpointOptions.Key))
            ?? throw Fail(section, "Key is missing (an assembly-qualified type name such as 'MyApp.ChatSocket, MyApp')");

        return new IpcEndpointOptions(role, path, key)
        {
            Subscriber = TypeOf(section, nameof(IpcEndpointOptions.Subscriber)),
            ActorName = section[nameof(IpcEndpointOptions.ActorName)],
            Framing = section[nameof(IpcEndpointOptions.Framing)] is { } f ? ParseFraming(section, f) : null,
        };
    }

    private static Type? TypeOf(IConfigurationSection endpoint, string name)
    {
        var text = endpoint[name];
        if (string.IsNullOrEmpty(text))
            return null;
        return Type.GetType(text, throwOnError: false)
            ?? throw Fail(endpoint.GetSection(name), $"no type '{text}' (give an assembly-qualified name such as 'MyApp.ChatSocket, MyApp')");
    }

    private static Framing ParseFraming(IConfigurationSection section, string text) =>
        text.Replace("-", "", StringComparison.Ordinal) is var name && Enum.TryParse<Framing>(name, ignoreCase: true, out var framing)
            && Enum.IsDefined(framing) && !char.IsDigit(name[0])
            ? framing
            : throw Fail(section.GetSection(nameof(IpcEndpointOptions.Framing)), $"must be raw or length-prefixed, was '{text}'");

    private static ConfigurationException Fail(IConfigurationSection section, string message) =>
        new($"{section.Path}: {message}");
}

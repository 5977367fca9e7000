using Akka.Actor;
using Akka.Hosting;
using Akka.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AkkaIpc.Hosting.Tests;

/// <summary>Marker key of the test probe every hosted test registers (as <c>WithActors</c> before <c>WithIpc</c>).</summary>
public sealed class TestSubscriber;

/// <summary>
/// A generic host running an actor system configured by the test's <c>WithIpc</c>, with MEL logging routed through
/// Akka.Hosting's LoggerFactoryLogger into <see cref="Logs"/>, and a TestKit probe registered under
/// <see cref="TestSubscriber"/> before the endpoints start.
/// </summary>
internal sealed class HostedIpc : IAsyncDisposable
{
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    private readonly IHost _host;
    private TestProbe? _probe;
    private bool _started;

    private HostedIpc(IHost host, CapturedLogs logs)
    {
        _host = host;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public TestProbe Probe => _probe ?? throw new InvalidOperationException("the host has not started");

    public IServiceProvider Services => _host.Services;

    public ActorSystem System => Services.GetRequiredService<ActorSystem>();

    public IActorRef Required<TKey>() => Services.GetRequiredService<IRequiredActor<TKey>>().ActorRef;

    /// <summary>Builds the host (not started): <paramref name="withIpc"/> calls <c>WithIpc</c> on the builder.</summary>
    public static HostedIpc Create(Action<AkkaConfigurationBuilder, IServiceProvider> withIpc, IDictionary<string, string?>? settings = null)
    {
        var logs = new CapturedLogs();
        HostedIpc? hosted = null;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.AddProvider(logs);
        builder.Services.AddAkka("hosting-test", (akka, services) =>
        {
            akka.AddHocon(Akka.TestKit.Xunit2.TestKit.DefaultConfig, HoconAddMode.Append)
                .AddHocon("akka.ipc.backoff { min = 50ms, max = 400ms }", HoconAddMode.Prepend)
                .ConfigureLoggers(loggers => loggers.ClearLoggers().AddLoggerFactory())
                .WithActors((system, registry) =>
                {
                    hosted!._probe = new Akka.TestKit.Xunit2.TestKit(system).CreateTestProbe("subscriber");
                    registry.Register<TestSubscriber>(hosted._probe.Ref);
                });
            withIpc(akka, services);
        });
        hosted = new HostedIpc(builder.Build(), logs);
        return hosted;
    }

    public async Task StartAsync()
    {
        await _host.StartAsync();
        _started = true;
    }

    public Task StopAsync() => _host.StopAsync();

    // A host whose start failed is only disposed (the container disposes the actor system): Host.StopAsync throws when
    // the failure came before its hosted services were resolved.
    public async ValueTask DisposeAsync()
    {
        if (_started)
            await _host.StopAsync();
        _host.Dispose();
    }
}

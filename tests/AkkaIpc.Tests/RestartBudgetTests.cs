using Akka.Configuration;
using AkkaIpc.Internal;

namespace AkkaIpc.Tests;

public sealed class RestartBudgetTests
{
    private static readonly IpcSocketSettings Settings = IpcSettings.Create(ConfigurationFactory.Empty).Socket
        .WithBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 0.5, maxRetries: 3, TimeSpan.FromSeconds(10));

    [Fact]
    public void Delay_must_double_from_min_cap_at_max_and_add_jitter_after_the_cap()
    {
        var none = new RestartBudget(Settings, () => 0.0);
        Assert.Equal(
            [100, 200, 400, 800, 1000, 1000],
            Enumerable.Range(0, 6).Select(n => (int)none.Delay(n).TotalMilliseconds));
        var most = new RestartBudget(Settings, () => 1.0);
        Assert.Equal(1500, (int)most.Delay(10).TotalMilliseconds);
    }

    [Fact]
    public void Budget_must_allow_max_retries_per_window_and_reset_after_it()
    {
        var budget = new RestartBudget(Settings, () => 0.0);
        Assert.True(budget.TryNext(out var a1, out _, out var opened1));
        Assert.True(budget.TryNext(out var a2, out _, out var opened2));
        Assert.True(budget.TryNext(out var a3, out var d3, out _));
        Assert.False(budget.TryNext(out _, out _, out _));
        Assert.Equal((1, 2, 3), (a1, a2, a3));
        Assert.Equal((true, false), (opened1, opened2));
        Assert.Equal(TimeSpan.FromMilliseconds(400), d3);

        // After the window (the owner's timer) a new one opens.
        budget.WindowPassed();
        Assert.True(budget.TryNext(out var attempt, out var delay, out var opened));
        Assert.Equal((4, TimeSpan.FromMilliseconds(800), true), (attempt, delay, opened));
    }

    [Fact]
    public void A_connection_must_restore_the_whole_budget_and_the_minimum_delay()
    {
        var budget = new RestartBudget(Settings, () => 0.0);

        // Peers that come and go, each connection followed by a loss: never more than one restart in a row.
        for (var i = 0; i < 10; i++)
        {
            Assert.True(budget.TryNext(out var attempt, out var delay, out _));
            Assert.Equal((1, TimeSpan.FromMilliseconds(100)), (attempt, delay));
            budget.Connected();
        }

        // Failures without a connection in between still spend it.
        Assert.True(budget.TryNext(out _, out _, out _));
        Assert.True(budget.TryNext(out _, out _, out _));
        Assert.True(budget.TryNext(out _, out _, out _));
        Assert.False(budget.TryNext(out _, out _, out _));
    }
}

using System.Globalization;
using Akka.Actor;
using Akka.Delivery;

namespace AkkaIpc.Remote.TestNode;

/// <summary>
/// The consumer of the delivery spec: appends "pid n" to a file for each delivered <see cref="Numbered"/>, prints
/// "GOT n", then confirms, like a consumer that records its work before acknowledging it. At <c>holdAt</c> it records
/// and prints "HOLDING n" but does not confirm, so the spec can kill the process with that message unconfirmed
/// and the producer's later ones in flight.
/// </summary>
public sealed class NumberConsumer : ReceiveActor
{
    /// <summary>Creates the consumer.</summary>
    /// <param name="file">The file of received numbers.</param>
    /// <param name="holdAt">The number not to confirm (0: confirm all).</param>
    public NumberConsumer(string file, int holdAt) => Receive<ConsumerController.Delivery<Numbered>>(d =>
    {
        File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {d.Message.N}\n"));
        Console.WriteLine($"GOT {d.Message.N}");
        if (d.Message.N == holdAt)
        {
            Console.WriteLine($"HOLDING {d.Message.N}");
            return;
        }

        d.ConfirmTo.Tell(ConsumerController.Confirmed.Instance);
    });
}

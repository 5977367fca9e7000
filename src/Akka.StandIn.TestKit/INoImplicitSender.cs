namespace Akka.TestKit;

/// <summary>Marks a TestKit whose test actor must not become the test thread's implicit sender (a <see cref="TestProbe"/>).</summary>
public interface INoImplicitSender
{
}

namespace Akka.Actor;

/// <summary>Marks messages that never need to be checked for serializability.</summary>
public interface INoSerializationVerificationNeeded
{
}

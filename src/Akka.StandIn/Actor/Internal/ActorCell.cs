using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

/// <summary>
/// The runtime state of one actor: its instance, behaviour stack, children, watches and supervision
/// state. Everything except the children table is touched only on the actor's own mailbox turn, so it
/// needs no locking. Partial files split it by concern (dispatch, children, lifecycle, faults, watch,
/// receive timeout, async handlers).
/// </summary>
internal sealed partial class ActorCell : IUntypedActorContext
{
    [ThreadStatic]
    private static ActorCell t_current;

    [ThreadStatic]
    private static ActorCell t_creating;

    private readonly List<Receive> _behaviors = new(4);
    private readonly Mailbox _mailbox;
    private ActorBase _actor;
    private Envelope _current;
    private SupervisorStrategy _strategy;

    public ActorCell(ActorSystemImpl system, IInternalActorRef parent, ActorPath path, Props props, bool systemService)
    {
        System = system;
        Parent = parent;
        Props = props;
        IsSystemService = systemService;
        _mailbox = new Mailbox();
        _mailbox.SetCell(this);
        Self = new LocalActorRef(this, path);
    }

    /// <summary>The cell whose mailbox turn is running on this thread, if any.</summary>
    internal static ActorCell Current
    {
        get => t_current;
        set => t_current = value;
    }

    public ActorSystemImpl System { get; }

    ActorSystem IActorContext.System => System;

    public LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public IInternalActorRef Parent { get; }

    IActorRef IActorContext.Parent => Parent;

    public Props Props { get; }

    public bool IsSystemService { get; }

    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    internal Envelope CurrentEnvelope => _current;

    internal Mailbox Mailbox => _mailbox;

    internal ActorBase Actor => _actor;

    internal SupervisorStrategy Strategy =>
        _strategy ??= Props.SupervisorStrategy ?? _actor?.SupervisorStrategyInternal() ?? SupervisorStrategy.DefaultStrategy;

    /// <summary>Takes the cell an <see cref="ActorBase"/> constructor is being run for (once).</summary>
    internal static ActorCell TakeCreatingCell()
    {
        var cell = t_creating;
        t_creating = null;
        return cell;
    }

    /// <summary>Enqueues Create; called once, after the cell has been registered with its parent.</summary>
    public void Start() => _mailbox.PostSystem(Create.Instance);

    public void SendSystemMessage(SystemMessage message) => _mailbox.PostSystem(message);

    public void Become(Receive receive)
    {
        if (_behaviors.Count > 1)
            _behaviors.RemoveAt(_behaviors.Count - 1);
        _behaviors.Add(receive);
    }

    public void Become(UntypedReceive receive) => Become(WrapUntyped(receive));

    public void BecomeStacked(Receive receive) => _behaviors.Add(receive);

    public void BecomeStacked(UntypedReceive receive) => BecomeStacked(WrapUntyped(receive));

    public void UnbecomeStacked()
    {
        if (_behaviors.Count > 1)
            _behaviors.RemoveAt(_behaviors.Count - 1);
    }

    /// <summary>Called from the <see cref="ActorBase"/> constructor: the stack starts with the actor's own receive.</summary>
    internal void InitBehavior(ActorBase actor)
    {
        _actor = actor;
        _behaviors.Clear();
        _behaviors.Add(actor.ReceiveInternal);
    }

    private static Receive WrapUntyped(UntypedReceive receive) => message =>
    {
        receive(message);
        return true;
    };

    public override string ToString() => $"ActorCell({Self.Path})";
}

using System.Diagnostics;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Stage;

namespace AkkaIpc.Benchmarks.Streams;

/// <summary>
/// The client side of the streams round trip, as a flow from replies to requests: asked to run N round trips, it
/// pushes the message, waits until the whole echo came back, records the time and sends the next.
/// </summary>
internal sealed class PingPongStage : GraphStageWithMaterializedValue<FlowShape<ByteString, ByteString>, PingPongStage.Control>
{
    private readonly ByteString _message;

    public PingPongStage(ByteString message)
    {
        _message = message;
        Shape = new FlowShape<ByteString, ByteString>(new Inlet<ByteString>("PingPong.replies"), new Outlet<ByteString>("PingPong.requests"));
    }

    public override FlowShape<ByteString, ByteString> Shape { get; }

    public override ILogicAndMaterializedValue<Control> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var logic = new Logic(this);
        return new LogicAndMaterializedValue<Control>(logic, new Control(logic));
    }

    /// <summary>Starts a batch of round trips from outside the stream.</summary>
    internal sealed class Control(Logic logic)
    {
        public Task RunAsync(int count, LatencyRecorder recorder)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            logic.Start(new Batch(count, recorder, done));
            return done.Task;
        }
    }

    internal sealed record Batch(int Count, LatencyRecorder Recorder, TaskCompletionSource Done);

    internal sealed class Logic : GraphStageLogic
    {
        private readonly PingPongStage _stage;
        private readonly Action<Batch> _start;
        private Batch? _batch;
        private int _left;
        private int _awaited;
        private long _sentAt;

        public Logic(PingPongStage stage)
            : base(stage.Shape)
        {
            _stage = stage;
            _start = GetAsyncCallback<Batch>(OnStart);
            SetHandler(stage.Shape.Inlet, OnReply);
            SetHandler(stage.Shape.Outlet, () => { });
        }

        public void Start(Batch batch) => _start(batch);

        public override void PreStart() => Pull(_stage.Shape.Inlet);

        private void OnStart(Batch batch)
        {
            _batch = batch;
            _left = batch.Count;
            SendNext();
        }

        private void SendNext()
        {
            if (_left == 0)
            {
                _batch!.Done.TrySetResult();
                return;
            }

            _left--;
            _awaited = _stage._message.Count;
            _sentAt = Stopwatch.GetTimestamp();
            Push(_stage.Shape.Outlet, _stage._message);
        }

        private void OnReply()
        {
            _awaited -= Grab(_stage.Shape.Inlet).Count;
            Pull(_stage.Shape.Inlet);
            if (_awaited == 0)
            {
                _batch!.Recorder.Record(Stopwatch.GetTimestamp() - _sentAt);
                SendNext();
            }
        }
    }
}

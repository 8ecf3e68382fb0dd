package pluginlatency

// The fake engine: the gRPC server whose address the plugin receives as its only argument.
// provider.MainContext dials it (NewHostClient, lazily) and starts rpcutil.Healthcheck on it
// (the first health probe is due five minutes later); pulumi-go-provider dials it again when
// Handshake carries an engine address, and sends Log calls to it while a Construct runs.

import (
	"context"
	"fmt"
	"net"
	"sync"
	"sync/atomic"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/protobuf/types/known/emptypb"
)

// LogMessage is one message the plugin sent to the engine's Log.
type LogMessage struct {
	Severity string
	URN      string
	Message  string
}

// fakeEngine implements pulumirpc.EngineServer with no-ops, remembering log messages so that a
// failed Construct can be explained.
type fakeEngine struct {
	pulumirpc.UnimplementedEngineServer

	mu   sync.Mutex
	root string
	logs []LogMessage
}

func (e *fakeEngine) Log(_ context.Context, req *pulumirpc.LogRequest) (*emptypb.Empty, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.logs = append(e.logs, LogMessage{Severity: req.GetSeverity().String(), URN: req.GetUrn(), Message: req.GetMessage()})
	return &emptypb.Empty{}, nil
}

func (e *fakeEngine) GetRootResource(context.Context, *pulumirpc.GetRootResourceRequest) (*pulumirpc.GetRootResourceResponse, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return &pulumirpc.GetRootResourceResponse{Urn: e.root}, nil
}

func (e *fakeEngine) SetRootResource(_ context.Context, req *pulumirpc.SetRootResourceRequest) (*pulumirpc.SetRootResourceResponse, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.root = req.GetUrn()
	return &pulumirpc.SetRootResourceResponse{}, nil
}

func (e *fakeEngine) StartDebugging(context.Context, *pulumirpc.StartDebuggingRequest) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// RequirePulumiVersion accepts every range: the fake stands in for a current engine.
func (e *fakeEngine) RequirePulumiVersion(context.Context, *pulumirpc.RequirePulumiVersionRequest) (*pulumirpc.RequirePulumiVersionResponse, error) {
	return &pulumirpc.RequirePulumiVersionResponse{}, nil
}

// messages returns a copy of the log messages received so far.
func (e *fakeEngine) messages() []LogMessage {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]LogMessage(nil), e.logs...)
}

// server is an in-process gRPC server on a loopback port.
type server struct {
	grpc *grpc.Server
	addr string
	lis  *countingListener
}

// countingListener counts the connections accepted, to tell whether the plugin dialed at all
// (its gRPC clients connect lazily).
type countingListener struct {
	net.Listener
	accepted atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.accepted.Add(1)
	}
	return c, err
}

// connections returns the number of connections accepted so far.
func (s *server) connections() int { return int(s.lis.accepted.Load()) }

// serve starts a gRPC server on 127.0.0.1 with an ephemeral port; register adds its services.
func serve(register func(*grpc.Server)) (*server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listening: %w", err)
	}
	lis := &countingListener{Listener: l}
	s := grpc.NewServer()
	register(s)
	go func() { _ = s.Serve(lis) }()
	return &server{grpc: s, addr: l.Addr().String(), lis: lis}, nil
}

// stop ends the server at once: the plugin that used it is gone by then.
func (s *server) stop() { s.grpc.Stop() }

// startEngine serves e together with the standard gRPC health service reporting SERVING for
// every service name, which is what rpcutil.Healthcheck in the plugin probes.
func startEngine(e *fakeEngine) (*server, error) {
	return serve(func(s *grpc.Server) {
		pulumirpc.RegisterEngineServer(s, e)
		hs := health.NewServer()
		hs.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)
		healthpb.RegisterHealthServer(s, hs)
	})
}

package pluginlatency

// The engine's side of the conversation with a freshly started plugin, RPC by RPC, as the
// v3.256.0 engine holds it for a component in a preview (see the package documentation).

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/connectivity"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/emptypb"
)

// Protocol selects which RPCs precede the Construct.
type Protocol string

const (
	// ProtocolEngine sends what the v3.256.0 engine sends: Handshake, CheckConfig and
	// Configure for the default provider, then Construct.
	ProtocolEngine Protocol = "engine"
	// ProtocolMinimal sends Construct alone: the plugin needs neither Handshake (it has the
	// engine address from its argument) nor Configure (it has no configuration).
	ProtocolMinimal Protocol = "minimal"
)

// RPC sequences, for the report.
var protocolRPCs = map[Protocol][]string{
	ProtocolEngine:  {"Handshake", "CheckConfig", "Configure", "Construct"},
	ProtocolMinimal: {"Construct"},
}

// The default provider the engine creates for package eksnodes.
const (
	providerType = "pulumi:providers:eksnodes"
	providerName = "default"
)

// phases are the durations of the steps after the port line.
type phases struct {
	connect   time.Duration // dial until the channel is READY
	handshake time.Duration
	configure time.Duration // CheckConfig + Configure
	construct time.Duration
}

// session is one engine-to-plugin conversation.
type session struct {
	protocol    Protocol
	pluginDir   string
	engineAddr  string
	monitorAddr string
}

// run connects to the plugin on port and drives it up to the end of the Construct. It calls
// afterConstruct as soon as the Construct returns successfully, then asks the plugin for its
// version (which the engine does not do, hence after the measurement).
func (s session) run(ctx context.Context, port int, afterConstruct func()) (phases, *pulumirpc.ConstructResponse, string, error) {
	var ph phases
	t := time.Now()
	conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", port),
		grpc.WithTransportCredentials(insecure.NewCredentials()), rpcutil.GrpcChannelOptions())
	if err != nil {
		return ph, nil, "", err
	}
	defer conn.Close()
	if err := waitReady(ctx, conn); err != nil {
		return ph, nil, "", err
	}
	ph.connect = time.Since(t)
	client := pulumirpc.NewResourceProviderClient(conn)

	if s.protocol == ProtocolEngine {
		t = time.Now()
		if err := s.handshake(ctx, client); err != nil {
			return ph, nil, "", fmt.Errorf("Handshake: %w", err)
		}
		ph.handshake = time.Since(t)
		t = time.Now()
		if err := s.configure(ctx, client); err != nil {
			return ph, nil, "", err
		}
		ph.configure = time.Since(t)
	}

	inputs, err := marshaledInputs()
	if err != nil {
		return ph, nil, "", err
	}
	t = time.Now()
	resp, err := client.Construct(ctx, &pulumirpc.ConstructRequest{
		Project:             Project,
		Stack:               Stack,
		Organization:        Organization,
		Config:              map[string]string{},
		DryRun:              true,
		Parallel:            Parallel,
		MonitorEndpoint:     s.monitorAddr,
		Type:                ComponentType,
		Name:                ComponentName,
		Parent:              string(stackURN),
		Inputs:              inputs,
		InputDependencies:   map[string]*pulumirpc.ConstructRequest_PropertyDependencies{},
		AcceptsOutputValues: true, // pulumi-go-provider asserts it
	})
	ph.construct = time.Since(t)
	if err != nil {
		return ph, nil, "", fmt.Errorf("Construct: %w", err)
	}
	afterConstruct()
	info, err := client.GetPluginInfo(ctx, &emptypb.Empty{})
	if err != nil {
		return ph, resp, "", fmt.Errorf("GetPluginInfo: %w", err)
	}
	return ph, resp, info.GetVersion(), nil
}

// waitReady connects conn and waits until it is READY, as the engine does before its first RPC.
func waitReady(ctx context.Context, conn *grpc.ClientConn) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn.Connect()
	for {
		st := conn.GetState()
		if st == connectivity.Ready {
			return nil
		}
		if !conn.WaitForStateChange(ctx, st) {
			return fmt.Errorf("connecting to the plugin: still %v: %w", st, ctx.Err())
		}
	}
}

func (s session) handshake(ctx context.Context, client pulumirpc.ResourceProviderClient) error {
	dir := s.pluginDir
	resp, err := client.Handshake(ctx, &pulumirpc.ProviderHandshakeRequest{
		EngineAddress:               s.engineAddr,
		RootDirectory:               &dir,
		ProgramDirectory:            &dir,
		ConfigureWithUrn:            true,
		SupportsViews:               true,
		SupportsRefreshBeforeUpdate: true,
		InvokeWithPreview:           true,
		AcceptsByteString:           true,
	})
	if err != nil {
		return err
	}
	if !resp.GetAcceptSecrets() || !resp.GetAcceptOutputs() {
		return fmt.Errorf("the plugin does not accept secrets and outputs: %v", resp)
	}
	return nil
}

// configure checks and configures the default provider as a preview does: CheckConfig with
// no configuration, then Configure with the checked inputs and the unknown ID.
func (s session) configure(ctx context.Context, client pulumirpc.ResourceProviderClient) error {
	urn := resource.NewURN(Stack, Project, "", providerType, providerName)
	opts := plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true, PropagateNil: true}
	empty, err := plugin.MarshalProperties(resource.PropertyMap{}, opts)
	if err != nil {
		return err
	}
	checked, err := client.CheckConfig(ctx, &pulumirpc.CheckRequest{
		Urn: string(urn), Name: providerName, Type: providerType, Olds: empty, News: empty,
	})
	if err != nil {
		return fmt.Errorf("CheckConfig: %w", err)
	}
	if f := checked.GetFailures(); len(f) > 0 {
		return fmt.Errorf("CheckConfig failed: %v", f)
	}
	inputs, err := plugin.UnmarshalProperties(checked.GetInputs(), opts)
	if err != nil {
		return fmt.Errorf("CheckConfig result: %w", err)
	}
	args, err := plugin.MarshalProperties(inputs, opts)
	if err != nil {
		return err
	}
	typ, name, id := providerType, providerName, plugin.UnknownStringValue
	u := string(urn)
	resp, err := client.Configure(ctx, &pulumirpc.ConfigureRequest{
		Urn: &u, Name: &name, Type: &typ, Id: &id,
		AcceptSecrets: true, AcceptResources: true, SendsOldInputs: true, SendsOldInputsToDelete: true,
		Variables: configVariables(inputs),
		Args:      args,
	})
	if err != nil {
		return fmt.Errorf("Configure: %w", err)
	}
	if !resp.GetAcceptSecrets() {
		return fmt.Errorf("Configure: the plugin does not accept secrets: %v", resp)
	}
	return nil
}

// configVariables is the deprecated Variables map the engine derives from the inputs:
// "eksnodes:config:<key>" to the value, JSON unless it is a string, without "version".
func configVariables(inputs resource.PropertyMap) map[string]string {
	vars := map[string]string{}
	keys := inputs.StableKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		if k == "version" {
			continue
		}
		v := inputs[k].MapRepl(nil, nil)
		if s, ok := v.(string); ok {
			vars["eksnodes:config:"+string(k)] = s
			continue
		}
		if b, err := json.Marshal(v); err == nil {
			vars["eksnodes:config:"+string(k)] = string(b)
		}
	}
	return vars
}

package pluginlatency

// The fake resource monitor: the endpoint a Construct's program (the component running inside
// the plugin) registers its resources with and sends its invokes to. It records what it sees
// and answers like a preview would, with the few values the component needs (aws.go).

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// Registration is one RegisterResource the monitor received.
type Registration struct {
	Type   string
	Name   string
	Custom bool
	Parent string
	URN    string
}

// Key is "type name", the form expectations are written in.
func (r Registration) Key() string { return r.Type + " " + r.Name }

// Invocation is one Invoke the monitor received.
type Invocation struct {
	Token string
	// Parameter is the SSM parameter name for aws:ssm/getParameter:getParameter.
	Parameter string `json:",omitempty"`
}

// fakeMonitor implements the part of pulumirpc.ResourceMonitorServer a component needs. Every
// other method is the embedded Unimplemented one and fails the call.
type fakeMonitor struct {
	pulumirpc.UnimplementedResourceMonitorServer

	project, stack, organization string
	dryRun                       bool
	parallel                     int32

	mu            sync.Mutex
	registrations []Registration
	invokes       []Invocation
	calls         map[string]int
}

func newFakeMonitor(project, stack, organization string, dryRun bool, parallel int32) *fakeMonitor {
	return &fakeMonitor{
		project: project, stack: stack, organization: organization, dryRun: dryRun, parallel: parallel,
		calls: map[string]int{},
	}
}

func startMonitor(m *fakeMonitor) (*server, error) {
	return serve(func(s *grpc.Server) { pulumirpc.RegisterResourceMonitorServer(s, m) })
}

func (m *fakeMonitor) count(method string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls[method]++
}

// legacyFeatures are the SupportsFeature IDs the v3.256.0 engine answers true to.
var legacyFeatures = map[string]bool{
	"secrets": true, "resourceReferences": true, "outputValues": true, "aliasSpecs": true,
	"replacementTrigger": true, "deletedWith": true, "replaceWith": true, "transforms": true,
	"invokeTransforms": true, "parameterization": true, "resourceHooks": true, "errorHooks": true,
	"sendsOptionsToHooks": true,
}

// SupportsFeature answers the legacy feature probe, which the Go SDK only falls back to when
// GetDeploymentInfo is unimplemented.
func (m *fakeMonitor) SupportsFeature(_ context.Context, req *pulumirpc.SupportsFeatureRequest) (*pulumirpc.SupportsFeatureResponse, error) {
	m.count("SupportsFeature")
	return &pulumirpc.SupportsFeatureResponse{HasSupport: legacyFeatures[req.GetId()]}, nil
}

// GetDeploymentInfo is what the v3.256.0 Go SDK asks first (pulumi.NewContext); the features
// are the ones the v3.256.0 engine lists.
func (m *fakeMonitor) GetDeploymentInfo(context.Context, *emptypb.Empty) (*pulumirpc.DeploymentInfo, error) {
	m.count("GetDeploymentInfo")
	return &pulumirpc.DeploymentInfo{
		Project:      m.project,
		Stack:        m.stack,
		Organization: m.organization,
		Config:       map[string]string{},
		DryRun:       m.dryRun,
		Parallel:     m.parallel,
		SupportedFeatures: []pulumirpc.ResourceMonitorFeature{
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_SECRETS,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_OUTPUT_VALUES,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_ALIAS_SPECS,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_REPLACEMENT_TRIGGER,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_DELETED_WITH,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_REPLACE_WITH,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_TRANSFORMS,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_INVOKE_TRANSFORMS,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_PARAMETERIZATION,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_RESOURCE_HOOKS,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_ERROR_HOOKS,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_SENDS_OPTIONS_TO_HOOKS,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_BYTE_STRING,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_INVOKE_DEPENDS_ON,
			pulumirpc.ResourceMonitorFeature_RESOURCE_MONITOR_FEATURE_INVOKE_PARENT,
		},
	}, nil
}

// urnFor names a resource the way the engine does: its type qualified by its parent's.
func (m *fakeMonitor) urnFor(typ, name, parent string) (resource.URN, error) {
	var parentType tokens.Type
	if parent != "" {
		p, err := resource.ParseURN(parent)
		if err != nil {
			return "", fmt.Errorf("parent %q: %w", parent, err)
		}
		parentType = p.QualifiedType()
	}
	return resource.NewURN(tokens.QName(m.stack), tokens.PackageName(m.project), parentType, tokens.Type(typ), name), nil
}

// RegisterResource gives the resource a URN; a custom resource also gets an ID and its inputs
// back as its state, plus the computed outputs the component reads (stateFor).
func (m *fakeMonitor) RegisterResource(_ context.Context, req *pulumirpc.RegisterResourceRequest) (*pulumirpc.RegisterResourceResponse, error) {
	m.count("RegisterResource")
	if req.GetRemote() {
		return nil, status.Errorf(codes.Unimplemented, "fake monitor: remote component %s %s is not supported", req.GetType(), req.GetName())
	}
	urn, err := m.urnFor(req.GetType(), req.GetName(), req.GetParent())
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	m.mu.Lock()
	m.registrations = append(m.registrations, Registration{
		Type: req.GetType(), Name: req.GetName(), Custom: req.GetCustom(), Parent: req.GetParent(), URN: string(urn),
	})
	m.mu.Unlock()

	if !req.GetCustom() {
		return &pulumirpc.RegisterResourceResponse{Urn: string(urn), Object: &structpb.Struct{}}, nil
	}
	state := &structpb.Struct{Fields: map[string]*structpb.Value{}}
	if in := req.GetObject(); in != nil {
		state = proto.Clone(in).(*structpb.Struct)
		if state.Fields == nil {
			state.Fields = map[string]*structpb.Value{}
		}
	}
	for k, v := range stateFor(req.GetType()) {
		state.Fields[k] = v
	}
	return &pulumirpc.RegisterResourceResponse{Urn: string(urn), Id: req.GetName() + "-id", Object: state}, nil
}

// RegisterResourceOutputs accepts a component's outputs.
func (m *fakeMonitor) RegisterResourceOutputs(context.Context, *pulumirpc.RegisterResourceOutputsRequest) (*emptypb.Empty, error) {
	m.count("RegisterResourceOutputs")
	return &emptypb.Empty{}, nil
}

// Invoke answers the AWS functions the component calls (invoke in aws.go); any other token is
// an error, so that a new call shows up instead of being answered with nothing.
func (m *fakeMonitor) Invoke(_ context.Context, req *pulumirpc.ResourceInvokeRequest) (*pulumirpc.ResourceInvokeResponse, error) {
	m.count("Invoke")
	ret, rec, err := invoke(req.GetTok(), req.GetArgs())
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	m.invokes = append(m.invokes, rec)
	m.mu.Unlock()
	return &pulumirpc.ResourceInvokeResponse{Return: ret}, nil
}

// seen returns what the monitor recorded: registrations sorted by key, invokes sorted by
// token, and the number of calls per method.
func (m *fakeMonitor) seen() ([]Registration, []Invocation, map[string]int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	regs := append([]Registration(nil), m.registrations...)
	sort.Slice(regs, func(i, j int) bool { return regs[i].Key() < regs[j].Key() })
	invs := append([]Invocation(nil), m.invokes...)
	sort.Slice(invs, func(i, j int) bool {
		if invs[i].Token != invs[j].Token {
			return invs[i].Token < invs[j].Token
		}
		return invs[i].Parameter < invs[j].Parameter
	})
	calls := make(map[string]int, len(m.calls))
	for k, v := range m.calls {
		calls[k] = v
	}
	return regs, invs, calls
}

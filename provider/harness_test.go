package provider

// This file holds what the provider tests share: nodegrouptest's mocks, served identically
// whether the components run as Go constructors (pulumi.WithMocks) or through the provider's
// Construct (the integration package's mock monitor), a normalised view of everything they
// recorded, and helpers that run a component on either path.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/blang/semver"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

// The integration package's fake monitor names every URN urn:pulumi:stack::project::...,
// whatever the ConstructRequest says. The Go path uses the same names so that URNs (parents,
// dependencies) can be compared as they are.
const (
	testProject = "project"
	testStack   = "stack"
)

// child is one resource registration as the engine received it, normalised to plain Go values
// so that the two paths can be compared with ==.
type child struct {
	Type   string
	Name   string
	Custom bool
	Parent string
	Remote bool

	// Inputs are the registered inputs with secrets and outputs unwrapped; SecretPaths lists
	// the inputs (as property paths) that were secret.
	Inputs      map[string]any
	SecretPaths []string

	// Resource options as the engine sees them.
	Dependencies            []string
	PropertyDependencies    map[string][]string
	IgnoreChanges           []string
	ReplaceOnChanges        []string
	AdditionalSecretOutputs []string
	HideDiffs               []string
	Protect                 *bool
	RetainOnDelete          *bool
	DeleteBeforeReplace     bool
	DeletedWith             string
	Provider                string
	Providers               map[string]string
	Version                 string
	PluginDownloadURL       string
	ImportID                string
	Aliases                 []string
	CustomTimeouts          string
}

// key is "type name", how the tests name a registration.
func (c child) key() string { return c.Type + " " + c.Name }

// invocation is one function call the program made.
type invocation struct {
	Token       string
	Args        map[string]any
	SecretPaths []string
}

// childOf normalises one registration the mocks recorded.
func childOf(r nodegrouptest.Resource) child {
	c := child{Type: r.Type, Name: r.Name, Custom: r.Custom}
	c.Inputs, c.SecretPaths = plainMap(resource.FromResourcePropertyMap(r.Inputs))
	rpc := r.RegisterRPC
	if rpc == nil {
		return c
	}
	c.Parent = rpc.GetParent()
	c.Remote = rpc.GetRemote()
	c.Dependencies = sortedCopy(rpc.GetDependencies())
	for k, v := range rpc.GetPropertyDependencies() {
		if urns := sortedCopy(v.GetUrns()); len(urns) > 0 {
			if c.PropertyDependencies == nil {
				c.PropertyDependencies = map[string][]string{}
			}
			c.PropertyDependencies[k] = urns
		}
	}
	c.IgnoreChanges = sortedCopy(rpc.GetIgnoreChanges())
	c.ReplaceOnChanges = sortedCopy(rpc.GetReplaceOnChanges())
	c.AdditionalSecretOutputs = sortedCopy(rpc.GetAdditionalSecretOutputs())
	c.HideDiffs = sortedCopy(rpc.GetHideDiffs())
	c.Protect = rpc.Protect
	c.RetainOnDelete = rpc.RetainOnDelete
	c.DeleteBeforeReplace = rpc.GetDeleteBeforeReplace()
	c.DeletedWith = rpc.GetDeletedWith()
	c.Provider = rpc.GetProvider()
	if len(rpc.GetProviders()) > 0 {
		c.Providers = rpc.GetProviders()
	}
	c.Version = rpc.GetVersion()
	c.PluginDownloadURL = rpc.GetPluginDownloadURL()
	c.ImportID = rpc.GetImportId()
	c.Aliases = sortedCopy(rpc.GetAliasURNs())
	for _, a := range rpc.GetAliases() {
		c.Aliases = append(c.Aliases, a.String())
	}
	if ct := rpc.GetCustomTimeouts(); ct != nil {
		c.CustomTimeouts = ct.String()
	}
	return c
}

// snapshot returns what the mocks recorded, normalised and sorted: registrations and invokes
// run concurrently, so their order carries no meaning.
func snapshot(m *nodegrouptest.Mocks) ([]child, []invocation) {
	var children []child
	for _, r := range m.Resources() {
		children = append(children, childOf(r))
	}
	var invokes []invocation
	for _, c := range m.Calls() {
		inv := invocation{Token: c.Token}
		inv.Args, inv.SecretPaths = plainMap(resource.FromResourcePropertyMap(c.Args))
		invokes = append(invokes, inv)
	}
	sort.SliceStable(children, func(i, j int) bool { return children[i].key() < children[j].key() })
	sort.SliceStable(invokes, func(i, j int) bool {
		a, _ := json.Marshal(invokes[i])
		b, _ := json.Marshal(invokes[j])
		return string(a) < string(b)
	})
	return children, invokes
}

// pluginMonitor serves the mocks to the integration server (the provider path), which speaks
// property.Map where pulumi.WithMocks (the Go path) speaks resource.PropertyMap.
func pluginMonitor(m *nodegrouptest.Mocks) *integration.MockResourceMonitor {
	return &integration.MockResourceMonitor{
		NewResourceF: func(args integration.MockResourceArgs) (string, property.Map, error) {
			id, state, err := m.NewResource(pulumi.MockResourceArgs{
				TypeToken: string(args.TypeToken), Name: args.Name, Inputs: resource.ToResourcePropertyMap(args.Inputs),
				ID: args.ID, Custom: args.Custom, RegisterRPC: args.RegisterRPC, ReadRPC: args.ReadRPC,
			})
			return id, resource.FromResourcePropertyMap(state), err
		},
		CallF: func(args integration.MockCallArgs) (property.Map, error) {
			out, err := m.Call(pulumi.MockCallArgs{Token: string(args.Token), Args: resource.ToResourcePropertyMap(args.Args)})
			return resource.FromResourcePropertyMap(out), err
		},
	}
}

// plainMap normalises a property map to plain Go values (string, float64, bool, []any,
// map[string]any, nil), unwrapping secrets, and returns the paths of the secret values.
func plainMap(m property.Map) (map[string]any, []string) {
	var secrets []string
	out := map[string]any{}
	for k, v := range m.All {
		out[k] = plainValue(v, k, &secrets)
	}
	sort.Strings(secrets)
	return out, secrets
}

func plainValue(v property.Value, path string, secrets *[]string) any {
	if v.Secret() {
		*secrets = append(*secrets, path)
	}
	switch {
	case v.IsComputed():
		return "<unknown>"
	case v.IsNull():
		return nil
	case v.IsString():
		return v.AsString()
	case v.IsNumber():
		return v.AsNumber()
	case v.IsBool():
		return v.AsBool()
	case v.IsArray():
		out := []any{}
		for i, e := range v.AsArray().All {
			out = append(out, plainValue(e, fmt.Sprintf("%s[%d]", path, i), secrets))
		}
		return out
	case v.IsMap():
		out := map[string]any{}
		for k, e := range v.AsMap().All {
			out[k] = plainValue(e, path+"."+k, secrets)
		}
		return out
	case v.IsResourceReference():
		r := v.AsResourceReference()
		id := ""
		if r.ID.IsString() {
			id = r.ID.AsString()
		}
		return fmt.Sprintf("<resource %s id=%s>", r.URN, id)
	case v.IsAsset():
		return fmt.Sprintf("<asset %s>", v.AsAsset().Hash)
	case v.IsArchive():
		return fmt.Sprintf("<archive %s>", v.AsArchive().Hash)
	}
	return fmt.Sprintf("<unexpected %#v>", v)
}

func sortedCopy(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// run is what one path registered: the children (including the component itself) and the
// invokes, plus the component's resolved outputs.
type run struct {
	Children      []child
	Invokes       []invocation
	Outputs       map[string]any
	OutputSecrets []string
}

// byKey indexes registrations by "type name".
func (r run) byKey(t *testing.T) map[string]child {
	t.Helper()
	out := map[string]child{}
	for _, c := range r.Children {
		require.NotContains(t, out, c.key(), "registered twice")
		out[c.key()] = c
	}
	return out
}

// keys returns "type name" of every registration, sorted.
func (r run) keys() []string {
	var out []string
	for _, c := range r.Children {
		out = append(out, c.key())
	}
	sort.Strings(out)
	return out
}

// get returns the registration with the given type and name.
func (r run) get(t *testing.T, typ, name string) child {
	t.Helper()
	for _, c := range r.Children {
		if c.Type == typ && c.Name == name {
			return c
		}
	}
	require.Failf(t, "resource not registered", "%s %s; registered: %v", typ, name, r.keys())
	return child{}
}

// componentURN is the URN of a top-level component, the same on both paths.
func componentURN(token, name string) resource.URN {
	return resource.NewURN(testStack, testProject, "", tokens.Type(token), name)
}

// stackURN is the URN of the stack, the parent of a top-level component. A Go program's
// components get it implicitly; the engine passes it to Construct as the parent.
func stackURN() resource.URN {
	return resource.NewURN(testStack, testProject, "", resource.RootStackType, testProject+"-"+testStack)
}

// newServer starts the provider in-process against the given mocks (nil: none, for the
// requests that register nothing).
func newServer(t *testing.T, mocks *nodegrouptest.Mocks) integration.Server {
	t.Helper()
	prov, err := New()
	require.NoError(t, err)
	opts := []integration.ServerOption{integration.WithProvider(prov)}
	if mocks != nil {
		opts = append(opts, integration.WithMocks(pluginMonitor(mocks)))
	}
	server, err := integration.NewServer(t.Context(), Name, semver.MustParse(Version), opts...)
	require.NoError(t, err)
	return server
}

// construct runs the component through the provider's Construct against fresh mocks.
func construct(t *testing.T, token, name string, inputs property.Map) (run, error) {
	t.Helper()
	return constructRun(t, token, name, inputs, false)
}

// constructRun is construct during a preview (dryRun) or a deployment.
func constructRun(t *testing.T, token, name string, inputs property.Map, dryRun bool) (run, error) {
	t.Helper()
	mocks := nodegrouptest.New()
	server := newServer(t, mocks)
	resp, err := server.Construct(p.ConstructRequest{
		Urn:    componentURN(token, name),
		Parent: stackURN(),
		Inputs: inputs,
		DryRun: dryRun,
	})
	var r run
	r.Children, r.Invokes = snapshot(mocks)
	if err != nil {
		return r, err
	}
	r.Outputs, r.OutputSecrets = plainMap(resp.State)
	return r, nil
}

// goComponent constructs one component with a Go constructor.
type goComponent func(ctx *pulumi.Context) (pulumi.ComponentResource, error)

// runGo runs the component as a Go program under pulumi.WithMocks against fresh mocks.
func runGo(t *testing.T, newComponent goComponent) (run, error) {
	t.Helper()
	mocks := nodegrouptest.New()
	var comp pulumi.ComponentResource
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		var err error
		comp, err = newComponent(ctx)
		return err
	}, pulumi.WithMocks(testProject, testStack, mocks))
	var r run
	r.Children, r.Invokes = snapshot(mocks)
	if err != nil {
		return r, err
	}
	// RunErr waits for the registrations, not for outputs made from plain inputs (such as
	// amiId given as a string): await every output here.
	values := map[string]any{}
	for name, out := range componentOutputs(comp) {
		ch := make(chan any, 1)
		out.ApplyT(func(v any) any { ch <- v; return v })
		select {
		case v := <-ch:
			values[name] = v
		case <-time.After(10 * time.Second):
			require.Failf(t, "output never resolved", "%s", name)
		}
		if pulumi.IsSecret(out) {
			r.OutputSecrets = append(r.OutputSecrets, name)
		}
	}
	sort.Strings(r.OutputSecrets)
	// JSON turns ints into float64, as the property values of the provider path are.
	raw, err := json.Marshal(values)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &r.Outputs))
	return r, nil
}

// componentOutputs returns the outputs a component declares: its exported Output fields
// with a pulumi tag, by tag name.
func componentOutputs(comp pulumi.ComponentResource) map[string]pulumi.Output {
	out := map[string]pulumi.Output{}
	v := reflect.ValueOf(comp).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		tag, ok := f.Tag.Lookup("pulumi")
		if !ok || !f.IsExported() {
			continue
		}
		if o, ok := v.Field(i).Interface().(pulumi.Output); ok && o != nil {
			out[strings.Split(tag, ",")[0]] = o
		}
	}
	return out
}

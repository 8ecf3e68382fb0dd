package fakeaws

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// DefaultRegion is the region of invented ARNs when the provider configuration sets none.
const DefaultRegion = "us-east-1"

// fake is one running instance of the test double: only its configuration is kept.
type fake struct {
	mu     sync.Mutex
	config property.Map
}

// Provider returns the TEST DOUBLE of pulumi-resource-aws v6.83.2, to be run with
// p.RunProvider(ctx, "aws", "6.83.2", Provider()) or hosted by pulumi-go-provider's
// integration server. Never point it at real infrastructure: it calls no AWS API.
func Provider() p.Provider {
	f := &fake{}
	return p.Provider{
		GetSchema:   func(context.Context, p.GetSchemaRequest) (p.GetSchemaResponse, error) { return schemaResponse() },
		Cancel:      func(context.Context) error { return nil },
		CheckConfig: func(_ context.Context, req p.CheckRequest) (p.CheckResponse, error) { return checkConfig(req), nil },
		DiffConfig: func(_ context.Context, req p.DiffRequest) (p.DiffResponse, error) {
			return diffConfig(req.State, req.Inputs), nil
		},
		Configure: f.configure,
		Invoke:    func(_ context.Context, req p.InvokeRequest) (p.InvokeResponse, error) { return f.invoke(req) },
		Check:     func(_ context.Context, req p.CheckRequest) (p.CheckResponse, error) { return check(req) },
		Diff:      func(_ context.Context, req p.DiffRequest) (p.DiffResponse, error) { return diffResource(req) },
		Create:    func(_ context.Context, req p.CreateRequest) (p.CreateResponse, error) { return f.create(req) },
		Read:      func(_ context.Context, req p.ReadRequest) (p.ReadResponse, error) { return read(req) },
		Update:    func(_ context.Context, req p.UpdateRequest) (p.UpdateResponse, error) { return f.update(req) },
		Delete: func(_ context.Context, req p.DeleteRequest) error {
			_, err := lookupResource(req.Urn.Type().String())
			return err
		},
	}
}

// schemaResponse is a minimal package schema: the engine needs none for Go programs, and
// the fake's real schema is the pulumi-aws Go SDK it reflects on.
func schemaResponse() (p.GetSchemaResponse, error) {
	res := map[string]any{}
	for _, t := range ResourceTokens() {
		res[t] = map[string]any{"description": "Test double of " + t + "."}
	}
	fns := map[string]any{}
	for _, t := range FunctionTokens() {
		fns[t] = map[string]any{"description": "Test double of " + t + "."}
	}
	out, err := json.Marshal(map[string]any{
		"name":        PackageName,
		"version":     Version,
		"description": "TEST DOUBLE of the Pulumi AWS provider for eksnodes' tests. Never use it against real infrastructure.",
		"resources":   res,
		"functions":   fns,
	})
	return p.GetSchemaResponse{Schema: string(out)}, err
}

// checkConfig accepts every configuration key of pulumi-aws (aws.ProviderArgs), plus the
// keys the engine itself adds; the values are not needed.
func checkConfig(req p.CheckRequest) p.CheckResponse {
	var failures []p.CheckFailure
	for _, k := range sortedKeys(req.Inputs.AsMap()) {
		if configKeys[k] || k == "version" || k == "pluginDownloadURL" || strings.HasPrefix(k, "__") {
			continue
		}
		failures = append(failures, p.CheckFailure{Property: k, Reason: fmt.Sprintf(
			"unknown provider configuration key %q: pulumi-aws v6.83.2 has no such setting", k)})
	}
	return p.CheckResponse{Inputs: req.Inputs, Failures: failures}
}

func (f *fake) configure(_ context.Context, req p.ConfigureRequest) error {
	cfg := req.Args
	if cfg.Len() == 0 && len(req.Variables) > 0 {
		m := map[string]property.Value{}
		for k, v := range req.Variables { // keys look like aws:config:region
			m[k[strings.LastIndex(k, ":")+1:]] = property.New(v)
		}
		cfg = property.NewMap(m)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.config = cfg
	return nil
}

// region is the configured region, or DefaultRegion.
func (f *fake) region() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if v := f.config.Get("region"); v.IsString() && v.AsString() != "" {
		return v.AsString()
	}
	return DefaultRegion
}

func check(req p.CheckRequest) (p.CheckResponse, error) {
	r, err := lookupResource(req.Urn.Type().String())
	if err != nil {
		return p.CheckResponse{}, err
	}
	news := req.Inputs
	// Pulumi autonaming: a resource with neither name nor namePrefix gets a name from its
	// URN, kept from the previous inputs when there are some. A placement group has no
	// namePrefix; pulumi-aws autonames its name all the same.
	autonamed := r.hasInput("name") && (r.hasInput("namePrefix") || r.token == PlacementGroupToken)
	if autonamed && !present(news, "name") && !present(news, "namePrefix") {
		name := autoName(req.Urn.Name(), string(req.Urn))
		if old := req.State.Get("name"); old.IsString() {
			name = old.AsString()
		}
		news = news.Set("name", property.New(name))
	}
	failures := append(validate(r.token, r.inputs, news), crossCheck(r, news)...)
	return p.CheckResponse{Inputs: news, Failures: failures}, nil
}

func diffResource(req p.DiffRequest) (p.DiffResponse, error) {
	r, err := lookupResource(req.Urn.Type().String())
	if err != nil {
		return p.DiffResponse{}, err
	}
	olds := req.OldInputs
	if olds.Len() == 0 {
		olds = inputsOf(r, req.State, req.Inputs)
	}
	return diff(r.token, olds, req.Inputs, req.IgnoreChanges), nil
}

// mustBeValid re-validates inputs in Create and Update, for callers that skip Check.
func mustBeValid(r *resourceSchema, inputs property.Map) error {
	failures := append(validate(r.token, r.inputs, inputs), crossCheck(r, inputs)...)
	if len(failures) == 0 {
		return nil
	}
	reasons := make([]string, len(failures))
	for i, fl := range failures {
		reasons[i] = fl.Reason
	}
	return fmt.Errorf("%s", strings.Join(reasons, "; "))
}

func (f *fake) create(req p.CreateRequest) (p.CreateResponse, error) {
	r, err := lookupResource(req.Urn.Type().String())
	if err != nil {
		return p.CreateResponse{}, err
	}
	if err := mustBeValid(r, req.Properties); err != nil {
		return p.CreateResponse{}, err
	}
	c := &calc{r: r, urn: string(req.Urn), region: f.region(), inputs: req.Properties, create: true, dryRun: req.DryRun}
	if !req.DryRun {
		if r.hasInput("name") {
			c.name = physicalName(c.urn, req.Properties)
		}
		c.id = newID(r, c.urn, c.name, req.Properties)
	}
	outs, err := c.outputs()
	return p.CreateResponse{ID: c.id, Properties: outs}, err
}

func (f *fake) update(req p.UpdateRequest) (p.UpdateResponse, error) {
	r, err := lookupResource(req.Urn.Type().String())
	if err != nil {
		return p.UpdateResponse{}, err
	}
	if err := mustBeValid(r, req.Inputs); err != nil {
		return p.UpdateResponse{}, err
	}
	olds := req.OldInputs
	if olds.Len() == 0 {
		olds = inputsOf(r, req.State, req.Inputs)
	}
	for k, d := range diff(r.token, olds, req.Inputs, req.IgnoreChanges).DetailedDiff {
		if d.Kind == p.AddReplace || d.Kind == p.UpdateReplace || d.Kind == p.DeleteReplace {
			return p.UpdateResponse{}, fmt.Errorf("%s: %q cannot change in place: AWS requires a replacement", r.token, k)
		}
	}
	c := &calc{r: r, urn: string(req.Urn), region: f.region(), id: req.ID, inputs: req.Inputs, prior: req.State,
		dryRun: req.DryRun, changed: func(k string) bool { return !equal(k, olds.Get(k), req.Inputs.Get(k)) }}
	if v := req.State.Get("name"); v.IsString() {
		c.name = v.AsString()
	}
	outs, err := c.outputs()
	return p.UpdateResponse{Properties: outs}, err
}

// read returns the state it is given (a refresh finds nothing changed). The fake has no
// backing store, so it cannot import a resource from its ID alone.
func read(req p.ReadRequest) (p.ReadResponse, error) {
	r, err := lookupResource(req.Urn.Type().String())
	if err != nil {
		return p.ReadResponse{}, err
	}
	if req.Properties.Len() == 0 {
		return p.ReadResponse{}, fmt.Errorf("%s: the fake aws provider cannot import %q: it keeps no backing store", r.token, req.ID)
	}
	inputs := req.Inputs
	if inputs.Len() == 0 {
		inputs = inputsOf(r, req.Properties, req.Properties)
	}
	return p.ReadResponse{ID: req.ID, Properties: req.Properties, Inputs: inputs}, nil
}

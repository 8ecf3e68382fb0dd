package nodegroup

import (
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// schemaProps maps each object type of the generated schema to its properties: a component's
// inputs under its token, a nested type under its type token. A property's value is the token
// of the object type below it ("" for a leaf, "*" for a free-form object).
type schemaProps map[string]map[string]string

var (
	schemaOnce sync.Once
	schema     schemaProps
)

// loadSchema reads the committed schema.json, which is generated from the Go types: the
// oracle walks what TypeScript, Python and YAML users see, not a list kept by hand.
func loadSchema() schemaProps {
	schemaOnce.Do(func() {
		raw, err := os.ReadFile("../schema.json")
		if err != nil {
			panic(err)
		}
		var spec struct {
			Resources map[string]struct {
				InputProperties map[string]map[string]any `json:"inputProperties"`
			} `json:"resources"`
			Types map[string]struct {
				Properties map[string]map[string]any `json:"properties"`
			} `json:"types"`
		}
		if err := json.Unmarshal(raw, &spec); err != nil {
			panic(err)
		}
		schema = schemaProps{}
		below := func(prop map[string]any) string {
			for {
				if ref, ok := prop["$ref"].(string); ok {
					if !strings.HasPrefix(ref, "#/types/") {
						return "*" // pulumi.json#/Any and the like
					}
					return strings.TrimPrefix(ref, "#/types/")
				}
				if t, _ := prop["type"].(string); t == "object" {
					if ap, ok := prop["additionalProperties"].(map[string]any); ok {
						if ref, _ := ap["$ref"].(string); strings.HasPrefix(ref, "#/types/") {
							prop = ap
							continue
						}
					}
					return "*"
				}
				items, ok := prop["items"].(map[string]any)
				if !ok {
					return ""
				}
				prop = items
			}
		}
		for token, r := range spec.Resources {
			schema[token] = map[string]string{}
			for name, prop := range r.InputProperties {
				schema[token][name] = below(prop)
			}
		}
		for token, t := range spec.Types {
			schema[token] = map[string]string{}
			for name, prop := range t.Properties {
				schema[token][name] = below(prop)
			}
		}
	})
	return schema
}

// problemPathRe matches the property path a problem starts with: names joined by dots, with
// list indexes and quoted map keys.
var problemPathRe = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z][a-zA-Z0-9-]*|\[[0-9]+\]|\["(?:[^"\\]|\\.)*"\])*`)

// startsWithSchemaPath reports whether a problem starts with a property path of the
// component's inputs that exists in the schema.
func startsWithSchemaPath(token, problem string) bool {
	path := problemPathRe.FindString(problem)
	if path == "" {
		return false
	}
	rest := problem[len(path):]
	if rest != "" && !strings.ContainsAny(rest[:1], " :") {
		return false
	}
	s := loadSchema()
	current := token
	for _, seg := range strings.Split(regexp.MustCompile(`\[[0-9]+\]|\["(?:[^"\\]|\\.)*"\]`).ReplaceAllString(path, ""), ".") {
		if current == "*" {
			return true // below a free-form object (bottlerocketSettings, kubeletConfig)
		}
		props, ok := s[current]
		if !ok {
			return false
		}
		next, ok := props[seg]
		if !ok {
			return false
		}
		current = next
	}
	return true
}

// namesAProperty reports whether a NodeGroup problem starts with a property path of the schema.
func namesAProperty(problem string) bool { return startsWithSchemaPath(NodeGroupToken, problem) }

// fuzzArgs builds NodeGroup inputs from fuzzed values on top of a valid group.
func fuzzArgs(osName, instanceType, labelKey, labelValue, taintEffect, kubeletArgs, script, volumeType string, minSize, maxSize, desired, hopLimit int, missing uint8) *NodeGroupArgs {
	a := demoArgs()
	// Each bit of missing takes one Input away in one of the ways a Go program can: a nil
	// interface, a typed nil pointer, a zero Output, a nil element.
	for bit, take := range []func(){
		func() { a.Cluster.Version = nil },
		func() { a.Cluster.Endpoint = pulumi.StringOutput{} },
		func() { a.AmiId = (*pulumi.String)(nil) },
		func() { a.SubnetIds = pulumi.StringArrayOutput{} },
		func() { a.KeyName = pulumi.StringOutput{} },
		func() { a.Tags = pulumi.StringMap{"team": nil} },
		func() { a.NodeRootVolumeKmsKeyId = (*pulumi.String)(nil) },
		func() { a.ExtraNodeSecurityGroupIds = pulumi.StringArray{nil} },
	} {
		if missing&(1<<bit) != 0 {
			take()
		}
	}
	a.OperatingSystem = Ref(OperatingSystem(osName))
	a.InstanceType = instanceType
	a.Labels = map[string]string{labelKey: labelValue}
	a.Taints = map[string]Taint{labelKey: {Value: labelValue, Effect: TaintEffect(taintEffect)}}
	a.KubeletExtraArgs = kubeletArgs
	a.PreBootstrapUserData = script
	a.NodeRootVolumeType = volumeType
	a.MinSize, a.MaxSize, a.DesiredCapacity = &minSize, &maxSize, &desired
	a.MetadataOptions = &MetadataOptions{HttpPutResponseHopLimit: &hopLimit}
	return a
}

func addFuzzSeeds(f *testing.F) {
	f.Add("AL2023", "m7i.large", "team", "platform", "NoSchedule", "--max-pods=58", "echo hi", "gp3", 1, 3, 2, 1, uint8(0))
	f.Add("Bottlerocket", "m7g.large", "workload", "batch", "NoExecute", "", "", "gp3", 0, 10, 0, 1, uint8(0))
	f.Add("Windows2022Core", "m7i.xlarge", "os", "windows", "PreferNoSchedule", "--v=2", "Write-Host hi", "gp3", 1, 1, 1, 2, uint8(1))
	f.Add("AL2", "t3.large", "a", "b", "NoSchedule", "", "", "gp2", 1, 2, 2, 1, uint8(0))
	f.Add("Plan9", "large", "bad key", "a b", "NoRun", "max-pods", "--EKSNODES-USERDATA-BOUNDARY--", "st1", -1, 0, 5, 0, uint8(0xff))
	f.Add("", "", "", "", "", "--node-labels=x", "\x00", "", 0, 0, 0, 65, uint8(0x2a))
	f.Add("AL2023", "m7i.large", "kubernetes.io/role", "\xff", "NoSchedule", "--a --b", strings.Repeat("x", 17000), "io2", 3, 2, 1, 1, uint8(0x55))
	f.Add("AL2023", "p6e-gb200.36xlarge", "team", "ml", "NoSchedule", "--register_with_taints=a=b:NoSchedule", "echo é", "gp3", 0, 0, 0, 1, uint8(0x80))
}

// FuzzValidate runs defaults and validation alone: they never panic, and every problem names
// the property at fault.
func FuzzValidate(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, osName, instanceType, labelKey, labelValue, taintEffect, kubeletArgs, script, volumeType string, minSize, maxSize, desired, hopLimit int, missing uint8) {
		args := fuzzArgs(osName, instanceType, labelKey, labelValue, taintEffect, kubeletArgs, script, volumeType, minSize, maxSize, desired, hopLimit, missing)
		for _, p := range validateNodeGroup(args, withDefaults(args)) {
			if !namesAProperty(p) {
				t.Fatalf("problem names no property: %q", p)
			}
		}
	})
}

// FuzzNewNodeGroup runs the whole constructor against the engine's mocks: it never panics;
// it either registers the group or refuses it, before registering anything, with problems that
// each name a property.
func FuzzNewNodeGroup(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, osName, instanceType, labelKey, labelValue, taintEffect, kubeletArgs, script, volumeType string, minSize, maxSize, desired, hopLimit int, missing uint8) {
		args := fuzzArgs(osName, instanceType, labelKey, labelValue, taintEffect, kubeletArgs, script, volumeType, minSize, maxSize, desired, hopLimit, missing)
		m := nodegrouptest.New()
		err := pulumi.RunErr(func(ctx *pulumi.Context) error {
			_, err := NewNodeGroup(ctx, "ng", args)
			return err
		}, pulumi.WithMocks("eksnodes", "fuzz", m))
		if err == nil {
			if len(m.OfType(tASG)) != 1 {
				t.Fatalf("accepted, but registered %v", m.Keys())
			}
			return
		}
		var verr *ValidationError
		if !errors.As(err, &verr) {
			t.Fatalf("refused without a ValidationError: %v", err)
		}
		if len(m.Resources()) != 0 {
			t.Fatalf("refused after registering %v", m.Keys())
		}
		for _, p := range verr.Problems {
			if !namesAProperty(p) {
				t.Fatalf("problem names no property: %q", p)
			}
		}
	})
}

// Package nodegrouptest helps you unit-test your own Go programs that use eksnodes, with
// pulumi.WithMocks and no AWS account.
//
// Mocks answers the two functions eksnodes calls (aws:index/getPartition and
// aws:ssm/getParameter, for the EKS-optimized AMI) with realistic values, records every
// resource your program registers with its inputs, options and the outputs it answered, and
// gives resources the IDs, names and ARNs AWS would (security group IDs that look like sg-...,
// role and instance profile ARNs, names made from a namePrefix), so that values one component
// passes to another pass eksnodes's checks as they would on AWS:
//
//	func TestProgram(t *testing.T) {
//		mocks := nodegrouptest.New()
//		err := pulumi.RunErr(myProgram, pulumi.WithMocks("project", "stack", mocks))
//		require.NoError(t, err)
//		lt := mocks.Require(t, "aws:ec2/launchTemplate:LaunchTemplate", "workers")
//		assert.Equal(t, "m7i.large", lt.Input("instanceType"))
//		assert.Equal(t, []string{"/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/recommended/image_id"},
//			mocks.SSMParameters())
//	}
//
// IDs and names are stable functions of a resource's type, logical name and inputs (see ID and
// NameSuffix), so a test can expect them before the program runs.
//
// A function call Mocks does not know is an error, so a program that starts calling something
// new fails its tests instead of receiving empty answers. OnCall answers the functions of your
// own program, and OnResource gives a resource the outputs AWS would report for it (an
// aws.eks.Cluster's endpoint, say).
package nodegrouptest

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// DefaultAMI is the image ID the EKS-optimized AMI parameters resolve to.
const DefaultAMI = "ami-0123456789abcdef0"

// Account is the AWS account ID in the ARNs Mocks invents.
const Account = "111122223333"

// NameSuffix is what Mocks appends to a resource's namePrefix input to name it, as the AWS
// provider appends a unique suffix of 26 characters (which is why an IAM role's namePrefix may
// have at most 38 of the 64 characters of its name). It is the same for every resource so that
// a test can expect the name: two resources of one type with the same namePrefix get the same
// name, where AWS would give them two.
const NameSuffix = "20261121000000000000000001"

// Unknown is what Plain, Resource.Input and Resource.Output give for a value that is not
// known yet.
const Unknown = "<unknown>"

// The functions Mocks answers by itself.
const (
	// GetPartition is the token of aws.getPartition, which eksnodes calls for the partition
	// of the ARNs it makes (the AWS managed policies).
	GetPartition = "aws:index/getPartition:getPartition"
	// GetParameter is the token of aws.ssm.getParameter, which eksnodes calls for the
	// EKS-optimized AMI (one of AWS's public parameters, /aws/service/...).
	GetParameter = "aws:ssm/getParameter:getParameter"
)

// Resource is one registration your program made, in the order made.
type Resource struct {
	Type   string // e.g. aws:ec2/launchTemplate:LaunchTemplate
	Name   string // the logical name, e.g. workers-role
	Custom bool   // false for component resources such as eksnodes:index:NodeGroup
	ID     string // the ID Mocks gave it (empty for components)
	// Inputs are the inputs as registered. Secret values are resource.Secret values, and
	// Input gives them as plain Go values.
	Inputs resource.PropertyMap
	// Outputs are the state Mocks answered with: the inputs and what AWS adds (a name made
	// from the namePrefix, an ARN, a launch template's latestVersion), or what an OnResource
	// function returned. Empty for components.
	Outputs resource.PropertyMap
	// Parent is the URN of the resource's parent: the stack's URN for a top-level resource.
	Parent string
	// Dependencies are the URNs of the resources it waits for, through its inputs or its
	// dependsOn option.
	Dependencies []string
	// IgnoreChanges are the property paths of its ignoreChanges option.
	IgnoreChanges []string
	// RegisterRPC is the registration as the engine received it, for the options not copied
	// above (protect, aliases, providers, replaceOnChanges, ...). Nil for a resource read
	// rather than registered.
	RegisterRPC *pulumirpc.RegisterResourceRequest
}

// Input returns one input as plain Go values (see Plain), or nil when it is not set.
func (r Resource) Input(key string) any { return plainKey(r.Inputs, key) }

// Output returns one output as plain Go values (see Plain), or nil when it is not set.
func (r Resource) Output(key string) any { return plainKey(r.Outputs, key) }

func plainKey(m resource.PropertyMap, key string) any {
	v, ok := m[resource.PropertyKey(key)]
	if !ok {
		return nil
	}
	return Plain(v)
}

// Plain turns a property value into plain Go values, so that a test can compare it with
// literals: string, float64 (every number), bool, []any, map[string]any and nil, with secrets
// and known outputs unwrapped and Unknown for a value not known yet. A resource reference,
// an asset or an archive is its resource.PropertyValue's V.
func Plain(v resource.PropertyValue) any {
	switch {
	case v.IsOutput():
		if !v.OutputValue().Known {
			return Unknown
		}
		return Plain(v.OutputValue().Element)
	case v.IsSecret():
		return Plain(v.SecretValue().Element)
	case v.IsComputed():
		return Unknown
	case v.IsArray():
		out := []any{}
		for _, e := range v.ArrayValue() {
			out = append(out, Plain(e))
		}
		return out
	case v.IsObject():
		out := map[string]any{}
		for k, e := range v.ObjectValue() {
			out[string(k)] = Plain(e)
		}
		return out
	case v.IsNull():
		return nil
	}
	return v.V
}

// ResourceFunc answers a registration in place of Mocks: it receives the registration with
// the ID and outputs Mocks would answer, and returns the ID and outputs to answer instead, or
// an error to make the registration fail.
type ResourceFunc func(r Resource) (id string, outputs resource.PropertyMap, err error)

// CallFunc answers a function call in place of Mocks: it receives the call's arguments and
// returns its result, or an error to make the call fail.
type CallFunc func(args resource.PropertyMap) (resource.PropertyMap, error)

// Mocks implements pulumi.MockResourceMonitor. Use one per test; it is safe for the concurrent
// calls the Pulumi SDK makes. The zero value answers like New's.
type Mocks struct {
	// Partition is what aws.getPartition answers, and the partition of the ARNs Mocks
	// invents: aws (the default), aws-cn, aws-us-gov, ...
	Partition string
	// AMI is the value of every SSM parameter eksnodes reads. Default DefaultAMI.
	AMI string

	mu         sync.Mutex
	resources  []Resource
	calls      []pulumi.MockCallArgs
	onResource map[string]ResourceFunc
	onCall     map[string]CallFunc
}

// New returns Mocks for the aws partition.
func New() *Mocks { return &Mocks{Partition: "aws", AMI: DefaultAMI} }

// OnResource makes fn answer every registration of the given type, for a resource whose
// outputs your program reads and Mocks does not invent: an aws.eks.Cluster's endpoint and
// certificate authority, say. The registrations are recorded as the others are, with the ID
// and outputs fn answered. Call it before the program runs.
func (m *Mocks) OnResource(typ string, fn ResourceFunc) { setAnswer(m, &m.onResource, typ, fn) }

// OnCall makes fn answer every call of the function with the given token, in place of
// Mocks's own answer or of the error for a function it does not know. The calls are
// recorded as the others are. Call it before the program runs.
func (m *Mocks) OnCall(token string, fn CallFunc) { setAnswer(m, &m.onCall, token, fn) }

// setAnswer sets one of the answers given to OnResource or OnCall.
func setAnswer[F any](m *Mocks, answers *map[string]F, token string, fn F) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if *answers == nil {
		*answers = map[string]F{}
	}
	(*answers)[token] = fn
}

// NewResource records the registration and returns the inputs as state, with what AWS adds:
// IDs (see ID), names made from a namePrefix (see NameSuffix), IAM ARNs, a launch template's
// latestVersion. A component gets no ID and no state. A resource read (with its Get function)
// or imported keeps the ID it was given.
func (m *Mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	// The SDK's mocks pass a read (a resource's Get function) as a component; it is a custom
	// resource.
	r := Resource{Type: args.TypeToken, Name: args.Name, Custom: args.Custom || args.ReadRPC != nil, Inputs: args.Inputs, Outputs: resource.PropertyMap{}}
	if rpc := args.RegisterRPC; rpc != nil {
		r.Parent = rpc.GetParent()
		r.Dependencies = rpc.GetDependencies()
		r.IgnoreChanges = rpc.GetIgnoreChanges()
		r.RegisterRPC = rpc
	}
	if rpc := args.ReadRPC; rpc != nil {
		r.Parent = rpc.GetParent()
		r.Dependencies = rpc.GetDependencies()
	}
	if r.Custom {
		r.ID, r.Outputs = m.answer(args)
	}
	m.mu.Lock()
	fn := m.onResource[args.TypeToken]
	m.mu.Unlock()
	var err error
	if fn != nil {
		r.ID, r.Outputs, err = fn(r)
	}
	m.mu.Lock()
	m.resources = append(m.resources, r)
	m.mu.Unlock()
	if err != nil {
		return "", nil, err
	}
	return r.ID, r.Outputs, nil
}

// The types AWS identifies by their names, and the ARN kinds of the IAM ones.
var (
	namedTypes = map[string]bool{
		"aws:iam/role:Role": true, "aws:iam/instanceProfile:InstanceProfile": true, "aws:autoscaling/group:Group": true,
		"aws:ec2/placementGroup:PlacementGroup": true,
	}
	iamKinds = map[string]string{"aws:iam/role:Role": "role", "aws:iam/instanceProfile:InstanceProfile": "instance-profile"}
)

// answer returns the ID and state AWS would give a custom resource.
func (m *Mocks) answer(args pulumi.MockResourceArgs) (string, resource.PropertyMap) {
	state := args.Inputs.Copy()
	id := ID(args.TypeToken, args.Name)
	name := stringInput(args.Inputs, "name", "")
	if prefix := stringInput(args.Inputs, "namePrefix", ""); name == "" && prefix != "" {
		name = prefix + NameSuffix
	}
	if namedTypes[args.TypeToken] {
		if name == "" {
			name = args.Name
		}
		id = name
	}
	if name != "" {
		state["name"] = resource.NewProperty(name)
	}
	if kind, ok := iamKinds[args.TypeToken]; ok {
		path := stringInput(args.Inputs, "path", "/")
		state["arn"] = resource.NewProperty(fmt.Sprintf("arn:%s:iam::%s:%s%s%s", m.partition(), Account, kind, path, name))
	}
	if args.TypeToken == "aws:ec2/launchTemplate:LaunchTemplate" {
		state["latestVersion"] = resource.NewProperty(1.0)
	}
	if args.ID != "" {
		id = args.ID
	}
	return id, state
}

func stringInput(inputs resource.PropertyMap, key, otherwise string) string {
	if v, ok := inputs[resource.PropertyKey(key)]; ok && v.IsString() && v.StringValue() != "" {
		return v.StringValue()
	}
	return otherwise
}

// ID returns the ID Mocks gives the custom resource of the given type and logical name, so
// that a test can expect it in another resource's inputs before the program runs: sg-... for
// a security group, sgr-... for a security group rule, lt-... for a launch template, each
// followed by 17 hexadecimal digits as AWS's are; name-id for other types. A resource AWS
// identifies by its name (an IAM role or instance profile, an Auto Scaling group, a placement
// group) has its name as ID instead: its name input, or its namePrefix followed by
// NameSuffix, or else its logical name.
func ID(typ, name string) string {
	switch typ {
	case "aws:ec2/securityGroup:SecurityGroup":
		return "sg-" + hex17(typ+"/"+name)
	case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule":
		return "sgr-" + hex17(typ+"/"+name)
	case "aws:ec2/launchTemplate:LaunchTemplate":
		return "lt-" + hex17(typ+"/"+name)
	}
	return name + "-id"
}

// Call answers aws.getPartition and aws.ssm.getParameter for AWS's public parameters
// (/aws/service/...), and the functions given to OnCall; anything else is an error.
func (m *Mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.calls = append(m.calls, args)
	fn := m.onCall[args.Token]
	m.mu.Unlock()
	if fn != nil {
		return fn(args.Args)
	}
	switch args.Token {
	case GetPartition:
		dnsSuffix, reverse := "amazonaws.com", "com.amazonaws"
		if m.partition() == "aws-cn" {
			dnsSuffix, reverse = "amazonaws.com.cn", "cn.com.amazonaws"
		}
		return resource.PropertyMap{
			"partition":        resource.NewProperty(m.partition()),
			"dnsSuffix":        resource.NewProperty(dnsSuffix),
			"reverseDnsPrefix": resource.NewProperty(reverse),
			"id":               resource.NewProperty(m.partition()),
		}, nil
	case GetParameter:
		name := stringInput(args.Args, "name", "")
		if !strings.HasPrefix(name, "/aws/service/") {
			return nil, fmt.Errorf("nodegrouptest: unexpected SSM parameter %q: Mocks answers AWS's public parameters (/aws/service/...); answer others with OnCall", name)
		}
		ami := m.AMI
		if ami == "" {
			ami = DefaultAMI
		}
		// As the AWS provider does, the value is secret and insecureValue is not.
		return resource.PropertyMap{
			"name": resource.NewProperty(name), "id": resource.NewProperty(name), "type": resource.NewProperty("String"),
			"value": resource.MakeSecret(resource.NewProperty(ami)), "insecureValue": resource.NewProperty(ami),
			"version": resource.NewProperty(1.0),
		}, nil
	}
	return nil, fmt.Errorf("nodegrouptest: unexpected call of %s (answer it with OnCall)", args.Token)
}

func (m *Mocks) partition() string {
	if m.Partition == "" {
		return "aws"
	}
	return m.Partition
}

// Resources lists every registration, in the order made. The Pulumi SDK registers
// independent resources concurrently, so only the order of resources that wait for one
// another (a parent and its children, a resource and those that use its outputs) is the same
// from one run to the next.
func (m *Mocks) Resources() []Resource {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Resource(nil), m.resources...)
}

// Get returns the resource of the given type and logical name.
func (m *Mocks) Get(typ, name string) (Resource, bool) {
	for _, r := range m.Resources() {
		if r.Type == typ && r.Name == name {
			return r, true
		}
	}
	return Resource{}, false
}

// Require returns the resource of the given type and logical name, or fails the test with the
// list of what was registered.
func (m *Mocks) Require(t testing.TB, typ, name string) Resource {
	t.Helper()
	r, ok := m.Get(typ, name)
	if !ok {
		t.Fatalf("nodegrouptest: %s %s was not registered; registered: %v", typ, name, m.Keys())
	}
	return r
}

// Inputs returns the inputs of the resource of the given type and logical name, or nil.
func (m *Mocks) Inputs(typ, name string) resource.PropertyMap {
	r, _ := m.Get(typ, name)
	return r.Inputs
}

// OfType lists all the resources of one type, sorted by name.
func (m *Mocks) OfType(typ string) []Resource {
	var out []Resource
	for _, r := range m.Resources() {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Keys lists "type name" of every registration, sorted, for comparing the whole set.
func (m *Mocks) Keys() []string {
	var out []string
	for _, r := range m.Resources() {
		out = append(out, r.Type+" "+r.Name)
	}
	sort.Strings(out)
	return out
}

// Calls lists every function call made, in the order received.
func (m *Mocks) Calls() []pulumi.MockCallArgs {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]pulumi.MockCallArgs(nil), m.calls...)
}

// SSMParameters lists the names of the SSM parameters the program read, in the order read:
// for eksnodes, the parameter of each node group's AMI, which names its operating system,
// Kubernetes version, architecture and variant.
func (m *Mocks) SSMParameters() []string {
	var out []string
	for _, c := range m.Calls() {
		if c.Token == GetParameter {
			out = append(out, stringInput(c.Args, "name", ""))
		}
	}
	return out
}

// hex17 makes a stable 17-digit hex ID fragment, the length of AWS's resource IDs.
func hex17(s string) string {
	h := fnv.New64a()
	h.Write([]byte(s))
	return fmt.Sprintf("%017x", h.Sum64())
}

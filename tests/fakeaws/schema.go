package fakeaws

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/autoscaling"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/eks"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/iam"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssm"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/vpc"
)

// The schema of the fake is not written by hand: it is read by reflection from the
// pulumi-aws Go SDK v6.83.2 types. Each resource's Args type has an ElementType method that
// returns the unexported plain struct (e.g. launchTemplateArgs) whose fields carry
// `pulumi:"name"` tags; nested types (LaunchTemplateMetadataOptions, GroupTag, ...) are plain
// structs too. The resource struct itself (e.g. ec2.LaunchTemplate) lists the outputs.

// Package name and version the fake impersonates.
const (
	PackageName = "aws"
	Version     = "6.83.2"
)

// Resource tokens.
const (
	RoleToken                 = "aws:iam/role:Role"
	RolePolicyAttachmentToken = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
	RolePolicyToken           = "aws:iam/rolePolicy:RolePolicy"
	InstanceProfileToken      = "aws:iam/instanceProfile:InstanceProfile"
	AccessEntryToken          = "aws:eks/accessEntry:AccessEntry"
	SecurityGroupToken        = "aws:ec2/securityGroup:SecurityGroup"
	IngressRuleToken          = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
	EgressRuleToken           = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
	LaunchTemplateToken       = "aws:ec2/launchTemplate:LaunchTemplate"
	GroupToken                = "aws:autoscaling/group:Group"
	LifecycleHookToken        = "aws:autoscaling/lifecycleHook:LifecycleHook"
	PlacementGroupToken       = "aws:ec2/placementGroup:PlacementGroup"
)

// Function tokens.
const (
	GetPartitionToken = "aws:index/getPartition:getPartition"
	GetParameterToken = "aws:ssm/getParameter:getParameter"
)

// kind is the type of a property value.
type kind int

const (
	kindString kind = iota
	kindInt
	kindFloat
	kindBool
	kindArray
	kindMap
	kindObject
	kindAny // interface{} in the SDK: a string or a structured value (e.g. a policy document)
)

func (k kind) String() string {
	return [...]string{"string", "integer", "number", "boolean", "array", "map", "object", "any"}[k]
}

// shape describes the values a property accepts.
type shape struct {
	kind   kind
	elem   *shape            // element of an array or map
	fields map[string]*field // properties of an object, by their Pulumi name
}

// field is one property of an object.
type field struct {
	shape    *shape
	required bool
}

// resourceSchema is what the fake knows about one resource type.
type resourceSchema struct {
	token   string
	inputs  *shape          // an object shape
	outputs map[string]bool // every property name the resource's state may hold
}

// functionSchema is what the fake knows about one function.
type functionSchema struct {
	token   string
	args    *shape
	results map[string]bool
}

// requiredInterfaceInputs lists inputs typed interface{} in the plain args structs that the
// SDK constructors nevertheless require ("invalid value for required argument ..."):
// interface{} alone cannot say whether an input is optional (InstanceProfile's role is not).
var requiredInterfaceInputs = map[string][]string{
	RoleToken:                 {"assumeRolePolicy"},
	RolePolicyAttachmentToken: {"role"},
	RolePolicyToken:           {"policy", "role"},
}

// resourceTypes maps each resource token to its SDK Args value and resource struct.
var resourceTypes = map[string]struct {
	args     interface{ ElementType() reflect.Type }
	resource any
}{
	RoleToken:                 {iam.RoleArgs{}, iam.Role{}},
	RolePolicyAttachmentToken: {iam.RolePolicyAttachmentArgs{}, iam.RolePolicyAttachment{}},
	RolePolicyToken:           {iam.RolePolicyArgs{}, iam.RolePolicy{}},
	InstanceProfileToken:      {iam.InstanceProfileArgs{}, iam.InstanceProfile{}},
	AccessEntryToken:          {eks.AccessEntryArgs{}, eks.AccessEntry{}},
	SecurityGroupToken:        {ec2.SecurityGroupArgs{}, ec2.SecurityGroup{}},
	IngressRuleToken:          {vpc.SecurityGroupIngressRuleArgs{}, vpc.SecurityGroupIngressRule{}},
	EgressRuleToken:           {vpc.SecurityGroupEgressRuleArgs{}, vpc.SecurityGroupEgressRule{}},
	LaunchTemplateToken:       {ec2.LaunchTemplateArgs{}, ec2.LaunchTemplate{}},
	GroupToken:                {autoscaling.GroupArgs{}, autoscaling.Group{}},
	LifecycleHookToken:        {autoscaling.LifecycleHookArgs{}, autoscaling.LifecycleHook{}},
	PlacementGroupToken:       {ec2.PlacementGroupArgs{}, ec2.PlacementGroup{}},
}

var functionTypes = map[string]struct{ args, result any }{
	GetPartitionToken: {aws.GetPartitionArgs{}, aws.GetPartitionResult{}},
	GetParameterToken: {ssm.LookupParameterArgs{}, ssm.LookupParameterResult{}},
}

var (
	resources = map[string]*resourceSchema{}
	functions = map[string]*functionSchema{}
	// configKeys are the provider configuration keys of pulumi-aws (aws.ProviderArgs).
	configKeys map[string]bool
)

func init() {
	for tok, t := range resourceTypes {
		in := shapeOf(t.args.ElementType(), map[reflect.Type]*shape{})
		for _, name := range requiredInterfaceInputs[tok] {
			f, ok := in.fields[name]
			if !ok {
				panic(fmt.Sprintf("fakeaws: %s has no input %q", tok, name))
			}
			f.required = true
		}
		resources[tok] = &resourceSchema{token: tok, inputs: in, outputs: outputNames(reflect.TypeOf(t.resource))}
	}
	for tok, t := range functionTypes {
		functions[tok] = &functionSchema{
			token:   tok,
			args:    shapeOf(reflect.TypeOf(t.args), map[reflect.Type]*shape{}),
			results: outputNames(reflect.TypeOf(t.result)),
		}
	}
	configKeys = map[string]bool{}
	for name := range shapeOf(aws.ProviderArgs{}.ElementType(), map[reflect.Type]*shape{}).fields {
		configKeys[name] = true
	}
}

// ResourceTokens returns the resource types the fake implements, sorted.
func ResourceTokens() []string { return sortedKeys(resources) }

// FunctionTokens returns the functions the fake implements, sorted.
func FunctionTokens() []string { return sortedKeys(functions) }

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// pulumiName returns the property name of a struct field's `pulumi:"..."` tag, or "".
func pulumiName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("pulumi"), ",")
	return name
}

// shapeOf derives the shape of a plain SDK type. Pointers, slices and maps make a field
// optional; a plain string, number or bool field is required, as in the SDK's schema.
func shapeOf(t reflect.Type, seen map[reflect.Type]*shape) *shape {
	if s, ok := seen[t]; ok {
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		return shapeOf(t.Elem(), seen)
	case reflect.Slice, reflect.Array:
		return &shape{kind: kindArray, elem: shapeOf(t.Elem(), seen)}
	case reflect.Map:
		return &shape{kind: kindMap, elem: shapeOf(t.Elem(), seen)}
	case reflect.String:
		return &shape{kind: kindString}
	case reflect.Bool:
		return &shape{kind: kindBool}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &shape{kind: kindInt}
	case reflect.Float32, reflect.Float64:
		return &shape{kind: kindFloat}
	case reflect.Interface:
		return &shape{kind: kindAny}
	case reflect.Struct:
		s := &shape{kind: kindObject, fields: map[string]*field{}}
		seen[t] = s // before recursing, for self-referencing types
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := pulumiName(f)
			if name == "" {
				continue
			}
			s.fields[name] = &field{shape: shapeOf(f.Type, seen), required: isRequired(f.Type)}
		}
		return s
	}
	panic(fmt.Sprintf("fakeaws: unsupported SDK type %s", t))
}

func isRequired(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map, reflect.Interface:
		return false
	}
	return true
}

// outputNames lists the `pulumi:"..."` names of a resource struct or function result.
func outputNames(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		if name := pulumiName(t.Field(i)); name != "" {
			out[name] = true
		}
	}
	return out
}

// hasInput reports whether a resource type takes the named top-level input.
func (r *resourceSchema) hasInput(name string) bool {
	_, ok := r.inputs.fields[name]
	return ok
}

func lookupResource(token string) (*resourceSchema, error) {
	if r, ok := resources[token]; ok {
		return r, nil
	}
	return nil, fmt.Errorf("fake aws provider: unknown resource type %q (this test double implements only %s)",
		token, strings.Join(ResourceTokens(), ", "))
}

func lookupFunction(token string) (*functionSchema, error) {
	if f, ok := functions[token]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("fake aws provider: unknown function %q (this test double implements only %s)",
		token, strings.Join(FunctionTokens(), ", "))
}

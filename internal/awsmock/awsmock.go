// Package awsmock is a small stand-in for the Pulumi engine and AWS in unit tests of Go
// programs that use eksnodes: it records every registration and answers the two functions
// eksnodes calls. It is for tests only.
package awsmock

import (
	"fmt"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// AMI is the image ID the recommended-AMI parameter resolves to.
const AMI = "ami-0123456789abcdef0"

// Mocks implements pulumi.MockResourceMonitor.
type Mocks struct {
	mu     sync.Mutex
	inputs map[string]resource.PropertyMap // by "type name"
	order  []string
}

// New returns empty mocks.
func New() *Mocks { return &Mocks{inputs: map[string]resource.PropertyMap{}} }

// NewResource records the registration and echoes the inputs as state, adding the launch
// template's latestVersion.
func (m *Mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	key := args.TypeToken + " " + args.Name
	m.mu.Lock()
	m.inputs[key] = args.Inputs
	m.order = append(m.order, key)
	m.mu.Unlock()
	state := args.Inputs.Copy()
	id := args.Name + "-id"
	hex := fmt.Sprintf("%017x", fnv64(args.Name))[:17]
	switch args.TypeToken {
	case "aws:ec2/launchTemplate:LaunchTemplate":
		state["latestVersion"] = resource.NewProperty(1.0)
		id = "lt-" + hex
	case "aws:ec2/securityGroup:SecurityGroup":
		id = "sg-" + hex
	case "aws:iam/role:Role":
		state["name"] = resource.NewProperty(args.Name)
		state["arn"] = resource.NewProperty("arn:aws:iam::111122223333:role/" + args.Name)
	case "aws:iam/instanceProfile:InstanceProfile":
		state["name"] = resource.NewProperty(args.Name)
		state["arn"] = resource.NewProperty("arn:aws:iam::111122223333:instance-profile/" + args.Name)
	}
	return id, state, nil
}

// fnv64 hashes a name into realistic-looking resource IDs (AWS's are 17 hex digits).
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Call answers aws.getPartition and ssm.getParameter; anything else is an error.
func (m *Mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	switch args.Token {
	case "aws:index/getPartition:getPartition":
		return resource.PropertyMap{"partition": resource.NewProperty("aws")}, nil
	case "aws:ssm/getParameter:getParameter":
		return resource.PropertyMap{"insecureValue": resource.NewProperty(AMI)}, nil
	}
	return nil, fmt.Errorf("awsmock: unexpected call %s", args.Token)
}

// Registered lists "type name" of every registration, in order.
func (m *Mocks) Registered() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.order...)
}

// Inputs returns the inputs of the resource with the given type and name, or nil.
func (m *Mocks) Inputs(typ, name string) resource.PropertyMap {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.inputs[typ+" "+name]
}

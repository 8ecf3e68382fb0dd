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
	if args.TypeToken == "aws:ec2/launchTemplate:LaunchTemplate" {
		state["latestVersion"] = resource.NewProperty(1.0)
	}
	return args.Name + "-id", state, nil
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

// Command emptyplugin is the baseline of the plugin-latency benchmark: a provider plugin on the
// same framework as eksnodes (pulumi-go-provider's infer, the same Pulumi SDK) whose NodeGroup
// accepts the benchmark's inputs and registers nothing but itself. The benchmark builds it as
// pulumi-resource-eksnodes into a temporary directory and measures it alongside the real plugin,
// so that eksnodes' start + first Construct can be given as a ratio that does not move with the CPU.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// NodeGroup is a component that registers nothing.
type NodeGroup struct {
	pulumi.ResourceState
}

// NodeGroupArgs are the inputs the benchmark sends, accepted and ignored.
type NodeGroupArgs struct {
	Cluster   map[string]string `pulumi:"cluster,optional"`
	SubnetIDs []string          `pulumi:"subnetIds,optional"`
	Labels    map[string]string `pulumi:"labels,optional"`
}

// NewNodeGroup registers the component and no children.
func NewNodeGroup(ctx *pulumi.Context, name string, _ NodeGroupArgs, opts ...pulumi.ResourceOption) (*NodeGroup, error) {
	c := &NodeGroup{}
	if err := ctx.RegisterComponentResource("eksnodes:index:NodeGroup", name, c, opts...); err != nil {
		return nil, err
	}
	return c, ctx.RegisterResourceOutputs(c, pulumi.Map{})
}

func main() {
	prov, err := infer.NewProviderBuilder().
		WithNamespace("eksnodes").
		WithComponents(infer.ComponentF(NewNodeGroup)).
		Build()
	if err == nil {
		err = prov.Run(context.Background(), "eksnodes", "0.0.0-empty")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

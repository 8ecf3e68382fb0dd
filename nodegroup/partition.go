package nodegroup

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"weak"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// A node role needs the partition of the AWS provider it is created with (aws, aws-cn,
// aws-us-gov, ...): it decides the managed policies' ARNs, and every ARN given must be in it.
// Asking the provider is a round trip through the engine, so node groups of one program that
// use the same provider share one lookup. A lookup is shared only when the provider is known
// from the options alone: no parent other than an eksnodes NodeGroup, and the providers named
// in the options. Otherwise (say, a parent component carrying its own providers) each role asks.

// providerScope names the AWS provider that resources created with opts use, or "" when the
// options do not tell (a parent whose providers are not visible).
func providerScope(opts []pulumi.ResourceOption) string {
	o, err := pulumi.NewResourceOptions(opts...)
	if err != nil {
		return ""
	}
	scope := "default"
	switch p := o.Parent.(type) {
	case nil:
	case *NodeGroup:
		if p.scope == "" {
			return ""
		}
		scope = p.scope
	default:
		return ""
	}
	var named []string
	if o.Provider != nil {
		named = append(named, fmt.Sprintf("%p", o.Provider))
	}
	for _, p := range o.Providers {
		named = append(named, fmt.Sprintf("%p", p))
	}
	if len(named) == 0 {
		return scope
	}
	slices.Sort(named)
	return scope + "+" + strings.Join(named, ",")
}

// partitionCache holds the shared lookups of each live program, by provider scope.
var partitionCache = struct {
	sync.Mutex
	byProgram map[weak.Pointer[pulumi.Context]]map[string]pulumi.StringOutput
}{byProgram: map[weak.Pointer[pulumi.Context]]map[string]pulumi.StringOutput{}}

// providerPartition returns the partition of the AWS provider the role r is created with,
// looked up once per program and provider scope ("" always looks up).
func providerPartition(ctx *pulumi.Context, r *NodeRole, scope string) pulumi.StringOutput {
	lookup := func() pulumi.StringOutput {
		return aws.GetPartitionOutput(ctx, aws.GetPartitionOutputArgs{}, pulumi.Parent(r)).Partition()
	}
	if scope == "" {
		return lookup()
	}
	key := weak.Make(ctx)
	partitionCache.Lock()
	defer partitionCache.Unlock()
	scopes, ok := partitionCache.byProgram[key]
	if !ok {
		scopes = map[string]pulumi.StringOutput{}
		partitionCache.byProgram[key] = scopes
		// The entry goes when the program's context does.
		runtime.AddCleanup(ctx, func(k weak.Pointer[pulumi.Context]) {
			partitionCache.Lock()
			delete(partitionCache.byProgram, k)
			partitionCache.Unlock()
		}, key)
	}
	if p, ok := scopes[scope]; ok {
		return p
	}
	p := lookup()
	scopes[scope] = p
	return p
}

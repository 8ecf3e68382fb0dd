// Command go-migration shows the migrate-to-a-new-node-group path of updating self-managed
// nodes: a blue and a green NodeGroup side by side, sharing one NodeRole (one access entry) and
// one NodeSecurityGroup (one set of cluster rules), so either can go away without touching the
// other or the cluster's rules.
//
// The migration, step by step:
//
//  1. Start with blue only (greenEnabled=false), or both (the defaults).
//  2. Bring up green with the new settings: pulumi up. Wait for its nodes to be Ready.
//  3. Stop scheduling on blue and move its pods:
//     kubectl taint nodes -l eksnodes.io/group=blue eksnodes.io/retiring=true:NoSchedule
//     kubectl drain -l eksnodes.io/group=blue --ignore-daemonsets --delete-emptydir-data
//  4. Remove blue: pulumi config set blueEnabled false && pulumi up. Only blue's launch template
//     and Auto Scaling group are deleted; the shared role and security group stay.
package main

import (
	"github.com/eksnodes/pulumi-eksnodes/examples/go-migration/infra"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(infra.Program)
}

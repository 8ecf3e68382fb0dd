// Command go-basic creates an EKS self-managed node group with labels and taints from a plain
// Go Pulumi program: the eksnodes library runs in-process, no plugin needed.
//
// The cluster facts come from stack configuration (see Pulumi.yaml for the demo defaults);
// set them to a real cluster's values to deploy:
//
//	pulumi config set clusterName my-cluster
//	pulumi config set clusterEndpoint "$(aws eks describe-cluster --name my-cluster --query cluster.endpoint --output text)"
package main

import (
	"github.com/eksnodes/pulumi-eksnodes/examples/go-basic/infra"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(infra.Program)
}

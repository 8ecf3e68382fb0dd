// Command before is the "before" program of the framework build-cost measurement: examples/go-basic's
// stack plus what the nodegroup library used to import, the provider framework
// (pulumi-go-provider's infer, and through it github.com/pulumi/pulumi/pkg/v3/codegen/schema).
package main

import (
	"github.com/eksnodes/pulumi-eksnodes/examples/go-basic/infra"
	_ "github.com/pulumi/pulumi-go-provider/infer" // what nodegroup imported before the framework left it
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(infra.Program)
}

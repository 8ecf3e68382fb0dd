// Command after is the "after" program of the framework build-cost measurement: examples/go-basic's
// stack (nodegroup alone), built inside the tests module like its "before" twin.
package main

import (
	"github.com/eksnodes/pulumi-eksnodes/examples/go-basic/infra"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(infra.Program)
}

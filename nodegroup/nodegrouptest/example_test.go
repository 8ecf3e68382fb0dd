package nodegrouptest_test

import (
	"fmt"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// workers is the program under test: one node group of Graviton instances.
func workers(ctx *pulumi.Context) error {
	_, err := nodegroup.NewNodeGroup(ctx, "workers", &nodegroup.NodeGroupArgs{
		// The cluster's facts (name, endpoint, certificate authority, ...) as plain strings or
		// as the outputs of the cluster's resource.
		Cluster:      demoCluster(),
		SubnetIds:    pulumi.ToStringArray([]string{"subnet-0123456789abcdef0", "subnet-0123456789abcdef1"}),
		InstanceType: "m7g.large",
	})
	return err
}

// A unit test of a program with a NodeGroup, as it would read in your own code with
// *testing.T and testify: run the program against Mocks, then look at what it registered and
// which AMI parameter it read.
func Example() {
	mocks := nodegrouptest.New()
	if err := pulumi.RunErr(workers, pulumi.WithMocks("project", "stack", mocks)); err != nil {
		fmt.Println(err) // require.NoError(t, err)
		return
	}

	// lt := mocks.Require(t, ...) fails the test when the resource was not registered.
	lt, _ := mocks.Get("aws:ec2/launchTemplate:LaunchTemplate", "workers")
	fmt.Println("instance type:", lt.Input("instanceType"))
	fmt.Println("image:", lt.Input("imageId") == nodegrouptest.DefaultAMI)
	fmt.Println("AMI parameter:", mocks.SSMParameters())

	// The launch template uses the node security group the NodeGroup made, and its instance
	// profile.
	sgs := lt.Input("networkInterfaces").([]any)[0].(map[string]any)["securityGroups"]
	fmt.Println("security groups:", sgs, sgs.([]any)[0] == nodegrouptest.ID("aws:ec2/securityGroup:SecurityGroup", "workers-sg"))
	fmt.Println("instance profile:", lt.Input("iamInstanceProfile"))

	asg, _ := mocks.Get("aws:autoscaling/group:Group", "workers")
	fmt.Println("Auto Scaling group:", asg.ID, asg.Input("minSize"), asg.Input("maxSize"))
	fmt.Println("Auto Scaling groups:", len(mocks.OfType("aws:autoscaling/group:Group")))
	// Output:
	// instance type: m7g.large
	// image: true
	// AMI parameter: [/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard/recommended/image_id]
	// security groups: [sg-0b30a685678ebdaa8] true
	// instance profile: map[arn:arn:aws:iam::111122223333:instance-profile/workers-role-20261121000000000000000001]
	// Auto Scaling group: workers-20261121000000000000000001 1 2
	// Auto Scaling groups: 1
}

package nodegrouptest_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	awseks "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/eks"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssm"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	ca = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="

	tASG     = "aws:autoscaling/group:Group"
	tLT      = "aws:ec2/launchTemplate:LaunchTemplate"
	tSG      = "aws:ec2/securityGroup:SecurityGroup"
	tIngress = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
	tRole    = "aws:iam/role:Role"
	tProfile = "aws:iam/instanceProfile:InstanceProfile"
	tCluster = "aws:eks/cluster:Cluster"
)

func demoCluster() nodegroup.ClusterArgs {
	return nodegroup.ClusterArgs{
		Name: pulumi.String("demo"), Endpoint: pulumi.String("https://example.gr7.us-east-1.eks.amazonaws.com"),
		CertificateAuthority: pulumi.String(ca), ServiceCidr: pulumi.String("172.20.0.0/16"),
		Version: pulumi.String("1.33"), SecurityGroupId: pulumi.String("sg-0123456789abcdef0"), VpcId: pulumi.String("vpc-0123456789abcdef0"),
	}
}

// A program that shares one NodeRole and one NodeSecurityGroup between two groups: the values
// one component hands the other (an instance profile ARN, a security group ID) look like AWS's,
// so they pass the groups' checks under the mocks as they would on AWS.
func program(ctx *pulumi.Context) error {
	cluster := demoCluster()
	role, err := nodegroup.NewNodeRole(ctx, "nodes", &nodegroup.NodeRoleArgs{ClusterName: cluster.Name, Path: "/eks/"})
	if err != nil {
		return err
	}
	sg, err := nodegroup.NewNodeSecurityGroup(ctx, "nodes", &nodegroup.NodeSecurityGroupArgs{
		ClusterName: cluster.Name, VpcId: cluster.VpcId, ClusterSecurityGroupId: cluster.SecurityGroupId})
	if err != nil {
		return err
	}
	for _, name := range []string{"blue", "green"} {
		if _, err := nodegroup.NewNodeGroup(ctx, name, &nodegroup.NodeGroupArgs{
			Cluster: cluster, SubnetIds: pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"}),
			InstanceProfileArn: role.InstanceProfileArn, RoleArn: role.RoleArn, NodeSecurityGroupId: sg.SecurityGroupId,
		}); err != nil {
			return err
		}
	}
	return nil
}

func run(t *testing.T, mocks *nodegrouptest.Mocks, program pulumi.RunFunc) {
	t.Helper()
	require.NoError(t, pulumi.RunErr(program, pulumi.WithMocks("project", "stack", mocks)))
}

func TestMocksRecordAndAnswer(t *testing.T) {
	mocks := nodegrouptest.New()
	mocks.Partition = "aws-cn"
	run(t, mocks, program)

	assert.Len(t, mocks.OfType(tASG), 2)
	assert.Contains(t, mocks.Keys(), "aws:iam/rolePolicyAttachment:RolePolicyAttachment nodes-AmazonEKSWorkerNodePolicy")
	attachment, ok := mocks.Get("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "nodes-AmazonEKSWorkerNodePolicy")
	require.True(t, ok)
	assert.Equal(t, "arn:aws-cn:iam::aws:policy/AmazonEKSWorkerNodePolicy", attachment.Inputs["policyArn"].StringValue(), "the partition answered")

	lt := mocks.Inputs(tLT, "blue")
	require.NotNil(t, lt)
	assert.Equal(t, nodegrouptest.DefaultAMI, lt["imageId"].StringValue())
	sg, _ := mocks.Get(tSG, "nodes")
	assert.Regexp(t, `^sg-[0-9a-f]{17}$`, sg.ID)
	assert.Equal(t, sg.ID, lt["networkInterfaces"].ArrayValue()[0].ObjectValue()["securityGroups"].ArrayValue()[0].StringValue())

	tokens := map[string]bool{}
	for _, c := range mocks.Calls() {
		tokens[c.Token] = true
	}
	assert.Equal(t, map[string]bool{nodegrouptest.GetPartition: true, nodegrouptest.GetParameter: true}, tokens)
	assert.Nil(t, mocks.Inputs(tLT, "red"), "not registered")
}

// IDs, names and ARNs have AWS's shapes, and are known before the program runs.
func TestMocksIDsNamesAndARNs(t *testing.T) {
	assert.Regexp(t, `^sg-[0-9a-f]{17}$`, nodegrouptest.ID(tSG, "nodes"))
	assert.Regexp(t, `^sgr-[0-9a-f]{17}$`, nodegrouptest.ID(tIngress, "nodes-ingress-self-all"))
	assert.Regexp(t, `^sgr-[0-9a-f]{17}$`, nodegrouptest.ID("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "nodes-egress-all"))
	assert.Regexp(t, `^lt-[0-9a-f]{17}$`, nodegrouptest.ID(tLT, "blue"))
	assert.Equal(t, "x-id", nodegrouptest.ID("aws:eks/accessEntry:AccessEntry", "x"))
	assert.NotEqual(t, nodegrouptest.ID(tLT, "blue"), nodegrouptest.ID(tLT, "green"), "one ID a resource")
	assert.NotEqual(t, nodegrouptest.ID(tSG, "x"), "sg-"+strings.TrimPrefix(nodegrouptest.ID(tLT, "x"), "lt-"), "one ID a type")
	assert.Len(t, nodegrouptest.NameSuffix, 26, "as the AWS provider's")

	mocks := nodegrouptest.New()
	mocks.Partition = "aws-us-gov"
	run(t, mocks, program)

	// Every ID a program sees is the one ID promises.
	for _, r := range mocks.Resources() {
		switch r.Type {
		case tSG, tIngress, tLT:
			assert.Equal(t, nodegrouptest.ID(r.Type, r.Name), r.ID, "%s %s", r.Type, r.Name)
		}
	}
	lt := mocks.Require(t, tLT, "green")
	assert.Equal(t, 1.0, lt.Output("latestVersion"))
	assert.Equal(t, "green-"+nodegrouptest.NameSuffix, lt.Output("name"), "named from its namePrefix")
	assert.Equal(t, []any{nodegrouptest.ID(tSG, "nodes")}, lt.Input("networkInterfaces").([]any)[0].(map[string]any)["securityGroups"])

	// Resources AWS identifies by name have their name as ID, and the IAM ones an ARN with
	// the path and the partition.
	role := mocks.Require(t, tRole, "nodes")
	assert.Equal(t, "nodes-"+nodegrouptest.NameSuffix, role.ID)
	assert.Equal(t, role.ID, role.Output("name"))
	assert.Equal(t, "arn:aws-us-gov:iam::"+nodegrouptest.Account+":role/eks/nodes-"+nodegrouptest.NameSuffix, role.Output("arn"))
	profile := mocks.Require(t, tProfile, "nodes")
	assert.Equal(t, "arn:aws-us-gov:iam::111122223333:instance-profile/eks/nodes-"+nodegrouptest.NameSuffix, profile.Output("arn"))
	assert.Equal(t, map[string]any{"arn": profile.Output("arn")}, lt.Input("iamInstanceProfile"))
	asg := mocks.Require(t, tASG, "blue")
	assert.Equal(t, "blue-"+nodegrouptest.NameSuffix, asg.ID)
	assert.Equal(t, asg.ID, asg.Output("name"))

	// Components get neither.
	group := mocks.Require(t, nodegroup.NodeGroupToken, "blue")
	assert.False(t, group.Custom)
	assert.Empty(t, group.ID)
	assert.Empty(t, group.Outputs)
}

// A resource named without a prefix keeps its name; one that is read keeps its ID.
func TestMocksNamesAndReads(t *testing.T) {
	mocks := nodegrouptest.New()
	run(t, mocks, func(ctx *pulumi.Context) error {
		if _, err := ec2.NewSecurityGroup(ctx, "named", &ec2.SecurityGroupArgs{Name: pulumi.String("exact")}); err != nil {
			return err
		}
		_, err := ec2.GetSecurityGroup(ctx, "existing", pulumi.ID("sg-0aaaaaaaaaaaaaaa1"), nil)
		return err
	})
	named := mocks.Require(t, tSG, "named")
	assert.Equal(t, "exact", named.Output("name"))
	assert.Equal(t, nodegrouptest.ID(tSG, "named"), named.ID)
	read := mocks.Require(t, tSG, "existing")
	assert.True(t, read.Custom)
	assert.Equal(t, "sg-0aaaaaaaaaaaaaaa1", read.ID)
	assert.Nil(t, read.RegisterRPC, "read, not registered")
}

// The resource options reach the recording.
func TestMocksRecordOptions(t *testing.T) {
	mocks := nodegrouptest.New()
	run(t, mocks, func(ctx *pulumi.Context) error {
		var parent pulumi.ResourceState
		if err := ctx.RegisterComponentResource("my:index:Network", "net", &parent); err != nil {
			return err
		}
		first, err := ec2.NewSecurityGroup(ctx, "first", &ec2.SecurityGroupArgs{}, pulumi.Parent(&parent))
		if err != nil {
			return err
		}
		_, err = ec2.NewSecurityGroup(ctx, "second", &ec2.SecurityGroupArgs{Description: first.Description},
			pulumi.Parent(&parent), pulumi.IgnoreChanges([]string{"tags"}), pulumi.Protect(true))
		return err
	})
	net := mocks.Require(t, "my:index:Network", "net")
	assert.Equal(t, "urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack", net.Parent)
	first := mocks.Require(t, tSG, "first")
	second := mocks.Require(t, tSG, "second")
	assert.Equal(t, "urn:pulumi:stack::project::my:index:Network::net", second.Parent)
	assert.Equal(t, []string{"urn:pulumi:stack::project::my:index:Network$aws:ec2/securityGroup:SecurityGroup::first"}, second.Dependencies)
	assert.Empty(t, first.Dependencies)
	assert.Equal(t, []string{"tags"}, second.IgnoreChanges)
	require.NotNil(t, second.RegisterRPC)
	assert.True(t, second.RegisterRPC.GetProtect())
	assert.False(t, first.RegisterRPC.GetProtect())

	// Resources lists them in the order made: a parent before its children, a resource
	// before those that wait for it.
	var order []string
	for _, r := range mocks.Resources() {
		order = append(order, r.Name)
	}
	assert.Equal(t, []string{"net", "first", "second"}, order)
}

// Lookups: Get, Require, Inputs, OfType (sorted by name) and Keys (sorted).
func TestMocksLookups(t *testing.T) {
	mocks := nodegrouptest.New()
	run(t, mocks, func(ctx *pulumi.Context) error {
		for _, name := range []string{"c", "a", "b"} {
			if _, err := ec2.NewSecurityGroup(ctx, name, &ec2.SecurityGroupArgs{Description: pulumi.String("group " + name)}); err != nil {
				return err
			}
		}
		_, err := ec2.NewVpc(ctx, "a", &ec2.VpcArgs{CidrBlock: pulumi.String("10.0.0.0/16")})
		return err
	})
	var names []string
	for _, r := range mocks.OfType(tSG) {
		names = append(names, r.Name)
	}
	assert.Equal(t, []string{"a", "b", "c"}, names, "every resource of the type, by name")
	assert.Equal(t, []string{"aws:ec2/securityGroup:SecurityGroup a", "aws:ec2/securityGroup:SecurityGroup b",
		"aws:ec2/securityGroup:SecurityGroup c", "aws:ec2/vpc:Vpc a"}, mocks.Keys())
	assert.Equal(t, "group b", mocks.Require(t, tSG, "b").Input("description"))
	assert.Equal(t, "10.0.0.0/16", mocks.Inputs("aws:ec2/vpc:Vpc", "a")["cidrBlock"].StringValue())
	_, ok := mocks.Get(tSG, "d")
	assert.False(t, ok)

	ft := &fakeT{TB: t}
	r := mocks.Require(ft, tSG, "d")
	assert.Empty(t, r.Type)
	assert.Contains(t, ft.fatal, "aws:ec2/securityGroup:SecurityGroup d was not registered")
	assert.Contains(t, ft.fatal, "aws:ec2/vpc:Vpc a", "the message lists what was registered")
}

// fakeT records a fatal failure instead of ending the test.
type fakeT struct {
	testing.TB
	fatal string
}

func (f *fakeT) Helper() {}

func (f *fakeT) Fatalf(format string, args ...any) { f.fatal = fmt.Sprintf(format, args...) }

// The AMI parameters: the AMI answered, the value secret as the AWS provider's is, the
// parameter read listed; a parameter that is not AWS's public one is refused.
func TestMocksAMIParameters(t *testing.T) {
	mocks := nodegrouptest.New()
	mocks.AMI = "ami-0fedcba9876543210"
	run(t, mocks, func(ctx *pulumi.Context) error {
		_, err := nodegroup.NewNodeGroup(ctx, "arm", &nodegroup.NodeGroupArgs{
			Cluster: demoCluster(), SubnetIds: pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"}), InstanceType: "m7g.large",
		})
		return err
	})
	assert.Equal(t, "ami-0fedcba9876543210", mocks.Require(t, tLT, "arm").Input("imageId"))
	assert.Equal(t, []string{"/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard/recommended/image_id"}, mocks.SSMParameters())

	out, err := mocks.Call(pulumi.MockCallArgs{Token: nodegrouptest.GetParameter,
		Args: resource.PropertyMap{"name": resource.NewProperty("/aws/service/bottlerocket/aws-k8s-1.33/x86_64/latest/image_id")}})
	require.NoError(t, err)
	assert.True(t, out["value"].IsSecret())
	assert.Equal(t, "ami-0fedcba9876543210", nodegrouptest.Plain(out["value"]))
	assert.Equal(t, resource.NewProperty("ami-0fedcba9876543210"), out["insecureValue"])
	assert.Len(t, mocks.SSMParameters(), 2)

	_, err = mocks.Call(pulumi.MockCallArgs{Token: nodegrouptest.GetParameter,
		Args: resource.PropertyMap{"name": resource.NewProperty("/team/ami")}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"/team/ami"`)
}

func TestMocksPartition(t *testing.T) {
	for partition, dnsSuffix := range map[string]string{"": "amazonaws.com", "aws": "amazonaws.com", "aws-cn": "amazonaws.com.cn", "aws-us-gov": "amazonaws.com"} {
		mocks := &nodegrouptest.Mocks{Partition: partition}
		out, err := mocks.Call(pulumi.MockCallArgs{Token: nodegrouptest.GetPartition, Args: resource.PropertyMap{}})
		require.NoError(t, err)
		want := partition
		if want == "" {
			want = "aws"
		}
		assert.Equal(t, want, nodegrouptest.Plain(out["partition"]), partition)
		assert.Equal(t, dnsSuffix, nodegrouptest.Plain(out["dnsSuffix"]), partition)
	}
}

// The zero value answers like New's.
func TestMocksZeroValue(t *testing.T) {
	var mocks nodegrouptest.Mocks
	run(t, &mocks, program)
	assert.Equal(t, nodegrouptest.DefaultAMI, mocks.Require(t, tLT, "blue").Input("imageId"))
	assert.Equal(t, "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
		mocks.Require(t, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "nodes-AmazonEKSWorkerNodePolicy").Input("policyArn"))
}

func TestMocksRefuseUnknownCalls(t *testing.T) {
	mocks := nodegrouptest.New()
	_, err := mocks.Call(pulumi.MockCallArgs{Token: "aws:ec2/getAmi:getAmi"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "aws:ec2/getAmi:getAmi")
	assert.Len(t, mocks.Calls(), 1, "recorded all the same")

	// A program that calls it fails.
	err = pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := ec2.GetSubnets(ctx, &ec2.GetSubnetsArgs{})
		return err
	}, pulumi.WithMocks("project", "stack", nodegrouptest.New()))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "aws:ec2/getSubnets:getSubnets")
}

// OnCall answers a function of the user's program, or replaces an answer of Mocks.
func TestMocksOnCall(t *testing.T) {
	mocks := nodegrouptest.New()
	mocks.OnCall("aws:ec2/getSubnets:getSubnets", func(args resource.PropertyMap) (resource.PropertyMap, error) {
		return resource.PropertyMap{"ids": resource.NewProperty([]resource.PropertyValue{resource.NewProperty("subnet-0123456789abcdef0")})}, nil
	})
	mocks.OnCall(nodegrouptest.GetParameter, func(args resource.PropertyMap) (resource.PropertyMap, error) {
		if args["name"].StringValue() == "/team/ami" {
			return resource.PropertyMap{"name": args["name"], "insecureValue": resource.NewProperty("ami-0ccccccccccccccc1")}, nil
		}
		return nil, errors.New("no such parameter")
	})
	var ids []string
	var value string
	var mu sync.Mutex
	run(t, mocks, func(ctx *pulumi.Context) error {
		subnets, err := ec2.GetSubnets(ctx, &ec2.GetSubnetsArgs{})
		if err != nil {
			return err
		}
		mu.Lock()
		ids = subnets.Ids
		mu.Unlock()
		param, err := ssm.LookupParameter(ctx, &ssm.LookupParameterArgs{Name: "/team/ami"})
		if err != nil {
			return err
		}
		mu.Lock()
		value = param.InsecureValue
		mu.Unlock()
		return nil
	})
	assert.Equal(t, []string{"subnet-0123456789abcdef0"}, ids)
	assert.Equal(t, "ami-0ccccccccccccccc1", value)
	assert.Equal(t, []string{"/team/ami"}, mocks.SSMParameters(), "recorded as the others are")

	_, err := mocks.Call(pulumi.MockCallArgs{Token: nodegrouptest.GetParameter,
		Args: resource.PropertyMap{"name": resource.NewProperty("/aws/service/bottlerocket/aws-k8s-1.33/x86_64/latest/image_id")}})
	assert.EqualError(t, err, "no such parameter", "OnCall answers in place of Mocks")
}

// OnResource gives a resource the outputs its provider would report, or fails it.
func TestMocksOnResource(t *testing.T) {
	mocks := nodegrouptest.New()
	mocks.OnResource(tCluster, func(r nodegrouptest.Resource) (string, resource.PropertyMap, error) {
		assert.Equal(t, "prod-id", r.ID, "what Mocks would answer")
		assert.Equal(t, "arn:aws:iam::111122223333:role/eks", r.Output("roleArn"))
		out := r.Outputs.Copy()
		out["endpoint"] = resource.NewProperty("https://ABCDEF.yl4.eu-west-1.eks.amazonaws.com")
		return "prod", out, nil
	})
	var endpoint string
	var mu sync.Mutex
	run(t, mocks, func(ctx *pulumi.Context) error {
		cluster, err := awseks.NewCluster(ctx, "prod", &awseks.ClusterArgs{
			RoleArn: pulumi.String("arn:aws:iam::111122223333:role/eks"), VpcConfig: awseks.ClusterVpcConfigArgs{},
		})
		if err != nil {
			return err
		}
		ctx.Export("endpoint", cluster.Endpoint.ApplyT(func(s string) string { mu.Lock(); endpoint = s; mu.Unlock(); return s }))
		return nil
	})
	assert.Equal(t, "https://ABCDEF.yl4.eu-west-1.eks.amazonaws.com", endpoint)
	cluster := mocks.Require(t, tCluster, "prod")
	assert.Equal(t, "prod", cluster.ID, "recorded with the answer")
	assert.Equal(t, "https://ABCDEF.yl4.eu-west-1.eks.amazonaws.com", cluster.Output("endpoint"))

	failing := nodegrouptest.New()
	failing.OnResource(tSG, func(nodegrouptest.Resource) (string, resource.PropertyMap, error) {
		return "", nil, errors.New("VPC limit exceeded")
	})
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := ec2.NewSecurityGroup(ctx, "sg", &ec2.SecurityGroupArgs{})
		return err
	}, pulumi.WithMocks("project", "stack", failing))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "VPC limit exceeded")
	assert.Equal(t, []string{tSG + " sg"}, failing.Keys(), "the registration is recorded")
}

func TestPlain(t *testing.T) {
	unknown := resource.NewProperty(resource.Output{Known: false})
	for name, tc := range map[string]struct {
		in   resource.PropertyValue
		want any
	}{
		"string":         {resource.NewProperty("x"), "x"},
		"number":         {resource.NewProperty(2.0), 2.0},
		"bool":           {resource.NewProperty(true), true},
		"null":           {resource.NewNullProperty(), nil},
		"secret":         {resource.MakeSecret(resource.NewProperty("s")), "s"},
		"known output":   {resource.NewProperty(resource.Output{Known: true, Element: resource.NewProperty("o")}), "o"},
		"unknown output": {unknown, nodegrouptest.Unknown},
		"computed":       {resource.MakeComputed(resource.NewProperty("")), nodegrouptest.Unknown},
		"array":          {resource.NewProperty([]resource.PropertyValue{resource.NewProperty("a"), resource.MakeSecret(resource.NewProperty(1.0))}), []any{"a", 1.0}},
		"object": {resource.NewProperty(resource.PropertyMap{"k": resource.NewProperty(resource.PropertyMap{"n": unknown})}),
			map[string]any{"k": map[string]any{"n": nodegrouptest.Unknown}}},
		"empty array": {resource.NewProperty([]resource.PropertyValue{}), []any{}},
	} {
		assert.Equal(t, tc.want, nodegrouptest.Plain(tc.in), name)
	}
	r := nodegrouptest.Resource{Inputs: resource.PropertyMap{"a": resource.NewProperty("x")}}
	assert.Equal(t, "x", r.Input("a"))
	assert.Nil(t, r.Input("b"))
	assert.Nil(t, r.Output("a"))
}

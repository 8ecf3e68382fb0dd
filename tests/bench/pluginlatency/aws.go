package pluginlatency

// The AWS side of the fake monitor: the computed outputs and function results the NodeGroup
// component reads during a preview. Everything else a preview returns is the inputs echoed.

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/structpb"
)

// Function tokens the component invokes.
const (
	tokGetPartition = "aws:index/getPartition:getPartition"
	tokGetParameter = "aws:ssm/getParameter:getParameter"
)

// fakeAMI is the AMI ID every SSM parameter resolves to.
const fakeAMI = "ami-0123456789abcdef0"

// stateFor returns the outputs a resource of type typ gets on top of its echoed inputs.
func stateFor(typ string) map[string]*structpb.Value {
	switch typ {
	case "aws:ec2/launchTemplate:LaunchTemplate":
		// The Auto Scaling group pins the launch template's latest version.
		return map[string]*structpb.Value{"latestVersion": structpb.NewNumberValue(1)}
	}
	return nil
}

// invoke answers one function call: its result, what to record, or an error for a function
// the fake does not know.
func invoke(tok string, args *structpb.Struct) (*structpb.Struct, Invocation, error) {
	rec := Invocation{Token: tok}
	var result resource.PropertyMap
	switch tok {
	case tokGetPartition:
		result = resource.PropertyMap{"partition": resource.NewStringProperty("aws")}
	case tokGetParameter:
		in, err := plugin.UnmarshalProperties(args, plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true})
		if err != nil {
			return nil, rec, status.Errorf(codes.InvalidArgument, "fake monitor: %s arguments: %v", tok, err)
		}
		name := in["name"]
		if name.IsSecret() {
			name = name.SecretValue().Element
		}
		if !name.IsString() {
			return nil, rec, status.Errorf(codes.InvalidArgument, "fake monitor: %s without a known string name: %v", tok, in["name"])
		}
		rec.Parameter = name.StringValue()
		result = resource.PropertyMap{
			"name":          name,
			"type":          resource.NewStringProperty("String"),
			"value":         resource.NewStringProperty(fakeAMI),
			"insecureValue": resource.NewStringProperty(fakeAMI),
		}
	default:
		return nil, rec, status.Errorf(codes.Unimplemented, "fake monitor: function %s is not implemented", tok)
	}
	ret, err := plugin.MarshalProperties(result, plugin.MarshalOptions{KeepSecrets: true})
	if err != nil {
		return nil, rec, status.Errorf(codes.Internal, "fake monitor: marshaling %s result: %v", tok, err)
	}
	return ret, rec, nil
}

package fakeaws

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// amiParameters match the public SSM parameters of the EKS-optimized AMIs the fake answers:
// Amazon Linux 2023, Bottlerocket, Windows Server and Amazon Linux 2, recommended or
// release-pinned, e.g. /aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/recommended/image_id.
var amiParameters = []*regexp.Regexp{
	regexp.MustCompile(`^/aws/service/eks/optimized-ami/1\.[0-9]+/amazon-linux-2023/(x86_64|arm64)/(standard|nvidia|neuron)/[A-Za-z0-9._-]+/image_id$`),
	regexp.MustCompile(`^/aws/service/bottlerocket/aws-k8s-1\.[0-9]+(-nvidia|-fips)?/(x86_64|arm64)/(latest|[0-9]+\.[0-9]+\.[0-9]+)/image_id$`),
	regexp.MustCompile(`^/aws/service/ami-windows-latest/Windows_Server-(2019|2022|2025)-English-(Core|Full)-EKS_Optimized-1\.[0-9]+/image_id$`),
	regexp.MustCompile(`^/aws/service/eks/optimized-ami/1\.[0-9]+/amazon-linux-2(-arm64|-gpu)?/[A-Za-z0-9._-]+/image_id$`),
}

func isAMIParameter(name string) bool {
	for _, re := range amiParameters {
		if re.MatchString(name) {
			return true
		}
	}
	return false
}

// AMIFor returns the AMI ID the fake reports for an EKS-optimized AMI parameter:
// "ami-0" and 16 hex digits of a hash of the name.
func AMIFor(parameterName string) string {
	return "ami-0" + hexID(16, "ami", parameterName)
}

// invoke answers the two functions the fake knows. Arguments are validated against the SDK
// types like resource inputs; an invalid argument is returned as a check failure.
func (f *fake) invoke(req p.InvokeRequest) (p.InvokeResponse, error) {
	fn, err := lookupFunction(string(req.Token))
	if err != nil {
		return p.InvokeResponse{}, err
	}
	if failures := validate(fn.token, fn.args, req.Args); len(failures) > 0 {
		return p.InvokeResponse{Failures: failures}, nil
	}
	var result map[string]property.Value
	switch fn.token {
	case GetPartitionToken:
		if id := req.Args.Get("id"); id.IsString() && id.AsString() != "aws" {
			return p.InvokeResponse{}, fmt.Errorf("%s: the fake knows only partition \"aws\", not %q", fn.token, id.AsString())
		}
		result = map[string]property.Value{
			"dnsSuffix":        s("amazonaws.com"),
			"id":               s("aws"),
			"partition":        s("aws"),
			"reverseDnsPrefix": s("com.amazonaws"),
		}
	case GetParameterToken:
		result, err = f.getParameter(req.Args)
		if err != nil {
			return p.InvokeResponse{}, err
		}
	}
	var bad []string
	for k := range result {
		if !fn.results[k] {
			bad = append(bad, k)
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return p.InvokeResponse{}, fmt.Errorf("fake aws provider bug: %s has no result %s", fn.token, strings.Join(bad, ", "))
	}
	return p.InvokeResponse{Return: property.NewMap(result)}, nil
}

func (f *fake) getParameter(args property.Map) (map[string]property.Value, error) {
	nameVal := args.Get("name")
	name, _ := stringOf(nameVal)
	if !isAMIParameter(name) {
		return nil, fmt.Errorf("%s: the fake knows no SSM parameter %q: it answers only the EKS-optimized "+
			"AMI parameters of AL2023, Bottlerocket, Windows and AL2 (see README.md)", GetParameterToken, name)
	}
	withDecryption := true
	if v := args.Get("withDecryption"); v.IsBool() {
		withDecryption = v.AsBool()
	}
	ami := AMIFor(name)
	return map[string]property.Value{
		"arn":            s(fmt.Sprintf("arn:aws:ssm:%s::parameter%s", f.region(), name)),
		"id":             s(name),
		"insecureValue":  s(ami),
		"name":           s(name),
		"type":           s("String"),
		"value":          s(ami).WithSecret(true),
		"version":        n(1),
		"withDecryption": b(withDecryption),
	}, nil
}

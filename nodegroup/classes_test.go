package nodegroup

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests in this file cover whole classes of input, not single cases: every Input field
// with every kind of missing value, every output that resolves to a bad value, every spelling
// of an internet-wide CIDR, every known instance family, and the order of problems.

func TestOracleRefusesWhatTheSchemaLacks(t *testing.T) {
	for _, good := range []string{
		"instanceType (\"x\") is not", `labels["a b"]: the key`, "cluster.name is required",
		`nodeSecurityGroupOptions.ingressRules[0].cidrIpv4 ("0.0.0.0/0"): SSH`, "bottlerocketSettings.kernel.lockdown conflicts",
		`taints["k"].effect ("x") must`, "mixedInstancesPolicy.instanceTypes[1].weightedCapacity (0) must",
	} {
		assert.True(t, namesAProperty(good), good)
	}
	for _, bad := range []string{
		"the rendered user data is 20000 bytes", "instnceType (\"x\")", "cluster.nme is required", "user data rendered from labels",
		"labelsx", "nodeSecurityGroupOptions.ingressRules[0].cidr (x)", "",
	} {
		assert.False(t, namesAProperty(bad), bad)
	}
}

// fullArgs returns valid NodeGroup inputs with every option struct present, so that every
// Input field of every nested type can be reached.
func fullArgs() *NodeGroupArgs {
	a := demoArgs()
	a.NodeRoleOptions = &NodeRoleOptions{PermissionsBoundary: pulumi.String("arn:aws:iam::111122223333:policy/boundary"),
		AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::111122223333:policy/extra"})}
	a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{
		IngressRules:              []SecurityGroupRule{{Description: "nodeports", Protocol: "tcp", FromPort: ptr(30000), ToPort: ptr(32767), CidrIpv4: pulumi.String("10.0.0.0/8")}},
		EgressRules:               []SecurityGroupRule{{Description: "https", Protocol: "tcp", FromPort: ptr(443), PrefixListId: pulumi.String("pl-0123456789abcdef0")}},
		SshSourceSecurityGroupIds: pulumi.ToStringArray([]string{"sg-0123456789abcdef1"}),
	}
	a.TerminationLifecycleHook = &TerminationLifecycleHook{
		NotificationTargetArn: pulumi.String("arn:aws:sqs:us-east-1:111122223333:drain"),
		RoleArn:               pulumi.String("arn:aws:iam::111122223333:role/hook"),
	}
	a.NodeRootVolumeKmsKeyId = pulumi.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
	a.ExtraNodeSecurityGroupIds = pulumi.ToStringArray([]string{"sg-0123456789abcdef2"})
	a.KeyName = pulumi.String("ops")
	a.Tags = pulumi.ToStringMap(map[string]string{"team": "platform"})
	return a
}

var inputType = reflect.TypeFor[pulumi.Input]()

// inputFields lists the schema path and location of every Input field reachable from v.
func inputFields(v reflect.Value, prefix string) []struct {
	prop  string
	field reflect.Value
} {
	type f = struct {
		prop  string
		field reflect.Value
	}
	var out []f
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("pulumi"), ",")
		fv := v.Field(i)
		switch {
		case name == "":
		case fv.Kind() == reflect.Interface && t.Field(i).Type.Implements(inputType):
			out = append(out, f{prefix + name, fv})
		case fv.Kind() == reflect.Struct:
			out = append(out, inputFields(fv, prefix+name+".")...)
		case fv.Kind() == reflect.Pointer && !fv.IsNil() && fv.Elem().Kind() == reflect.Struct:
			out = append(out, inputFields(fv.Elem(), prefix+name+".")...)
		case fv.Kind() == reflect.Slice && fv.Len() > 0 && fv.Index(0).Kind() == reflect.Struct:
			out = append(out, inputFields(fv.Index(0), fmt.Sprintf("%s%s[0].", prefix, name))...)
		}
	}
	return out
}

// missingValues returns, for an Input interface type, the ways a Go program can pass nothing:
// a nil interface, a typed nil pointer, and a zero Output.
func missingValues(t reflect.Type) map[string]reflect.Value {
	out := map[string]reflect.Value{"nil": reflect.Zero(t)}
	for _, c := range []any{(*pulumi.String)(nil), (*pulumi.StringArray)(nil), (*pulumi.StringMap)(nil)} {
		if ct := reflect.TypeOf(c); ct.Implements(t) {
			out["typed nil pointer"] = reflect.ValueOf(c)
		}
	}
	for _, c := range []any{pulumi.StringOutput{}, pulumi.StringArrayOutput{}, pulumi.StringMapOutput{}} {
		if ct := reflect.TypeOf(c); ct.Implements(t) {
			out["zero Output"] = reflect.ValueOf(c)
		}
	}
	return out
}

func TestEveryInputFieldMissingOrZero(t *testing.T) {
	fields := inputFields(reflect.ValueOf(fullArgs()).Elem(), "")
	require.GreaterOrEqual(t, len(fields), 25, "every Input field is reached")
	for i, f := range fields {
		for kind, v := range missingValues(f.field.Type()) {
			t.Run(f.prop+" "+kind, func(t *testing.T) {
				args := fullArgs()
				inputFields(reflect.ValueOf(args).Elem(), "")[i].field.Set(v)
				var m *nodegrouptest.Mocks
				var err error
				require.NotPanics(t, func() { m, _, err = runNodeGroup(t, args) })
				if err == nil {
					assert.NotEqual(t, "zero Output", kind, "a zero Output has no value and must be refused")
					return
				}
				var verr *ValidationError
				require.True(t, errors.As(err, &verr), "refused with a ValidationError: %v", err)
				assert.Empty(t, m.Resources(), "nothing registered before the refusal")
				for _, p := range verr.Problems {
					assert.True(t, namesAProperty(p), "problem starts with a schema path: %q", p)
				}
				if kind == "zero Output" {
					assert.True(t, slices.ContainsFunc(verr.Problems, func(p string) bool {
						return strings.HasPrefix(p, f.prop+" is a zero Output")
					}), "the zero Output is refused under its own name %s: %q", f.prop, verr.Problems)
				}
			})
		}
	}
}

func TestNilElementsOfListsAndMaps(t *testing.T) {
	for name, mutate := range map[string]func(a *NodeGroupArgs){
		"subnetIds[1]": func(a *NodeGroupArgs) {
			a.SubnetIds = pulumi.StringArray{pulumi.String("subnet-0123456789abcdef0"), nil}
		},
		"nodeRoleOptions.additionalPolicyArns[0]": func(a *NodeGroupArgs) {
			a.NodeRoleOptions = &NodeRoleOptions{AdditionalPolicyArns: pulumi.StringArray{(*pulumi.String)(nil)}}
		},
		`tags["team"]`:                 func(a *NodeGroupArgs) { a.Tags = pulumi.StringMap{"team": nil} },
		"extraNodeSecurityGroupIds[0]": func(a *NodeGroupArgs) { a.ExtraNodeSecurityGroupIds = pulumi.StringArray{pulumi.StringOutput{}} },
	} {
		t.Run(name, func(t *testing.T) {
			args := demoArgs()
			mutate(args)
			var err error
			require.NotPanics(t, func() { _, _, err = runNodeGroup(t, args) })
			var verr *ValidationError
			require.True(t, errors.As(err, &verr), "refused with a ValidationError: %v", err)
			assert.True(t, slices.ContainsFunc(verr.Problems, func(p string) bool { return strings.HasPrefix(p, name+" is ") }), "%q", verr.Problems)
		})
	}
}

// out returns an output that resolves to s, as a value from another resource would.
func out(s string) pulumi.StringOutput { return pulumi.String(s).ToStringOutput() }

func TestOutputsAreCheckedWhenTheyResolve(t *testing.T) {
	for _, tc := range []struct {
		prop   string
		mutate func(a *NodeGroupArgs)
	}{
		{"cluster.version", func(a *NodeGroupArgs) { a.Cluster.Version = out("1.09") }},
		{"cluster.serviceCidr", func(a *NodeGroupArgs) { a.Cluster.ServiceCidr = out("10.0.0.0/8") }},
		{"cluster.endpoint", func(a *NodeGroupArgs) { a.Cluster.Endpoint = out("http://example.com") }},
		{"cluster.name", func(a *NodeGroupArgs) { a.Cluster.Name = out("-x") }},
		{"cluster.certificateAuthority", func(a *NodeGroupArgs) { a.Cluster.CertificateAuthority = out("not base64") }},
		{"cluster.securityGroupId", func(a *NodeGroupArgs) { a.Cluster.SecurityGroupId = out("sg-1") }},
		{"cluster.vpcId", func(a *NodeGroupArgs) { a.Cluster.VpcId = out("vpc-1") }},
		{"subnetIds[1]", func(a *NodeGroupArgs) {
			a.SubnetIds = pulumi.StringArray{pulumi.String("subnet-0123456789abcdef0"), out("subnet-x")}
		}},
		{"subnetIds", func(a *NodeGroupArgs) { a.SubnetIds = pulumi.StringArray{}.ToStringArrayOutput() }},
		{"extraNodeSecurityGroupIds[0]", func(a *NodeGroupArgs) {
			a.ExtraNodeSecurityGroupIds = pulumi.ToStringArray([]string{"sg-bad"}).ToStringArrayOutput()
		}},
		{"nodeRootVolumeKmsKeyId", func(a *NodeGroupArgs) {
			a.NodeRootVolumeKmsKeyId = out("arn:aws:kms:us-east-1:111122223333:alias/aws/ebs")
		}},
		{"amiId", func(a *NodeGroupArgs) { a.AmiId, a.Architecture = out("ami-1"), Ref(X86_64) }},
		{"keyName", func(a *NodeGroupArgs) { a.KeyName = out("ops\nkey") }},
		{`tags["team"]`, func(a *NodeGroupArgs) { a.Tags = pulumi.StringMap{"team": out("a*b")} }},
		{`tags["aws:x"]`, func(a *NodeGroupArgs) {
			a.Tags = pulumi.ToStringMap(map[string]string{"aws:x": "y"}).ToStringMapOutput()
		}},
		{"nodeRoleOptions.additionalPolicyArns[0]", func(a *NodeGroupArgs) {
			a.NodeRoleOptions = &NodeRoleOptions{AdditionalPolicyArns: pulumi.StringArray{out("arn:aws:s3:::bucket")}}
		}},
		{"nodeRoleOptions.permissionsBoundary", func(a *NodeGroupArgs) {
			a.NodeRoleOptions = &NodeRoleOptions{PermissionsBoundary: out("arn:aws:iam::111122223333:role/x")}
		}},
		{"nodeSecurityGroupOptions.ingressRules[0].cidrIpv4", func(a *NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{
				{Description: "ssh", Protocol: "tcp", FromPort: ptr(22), CidrIpv4: out("0.0.0.0/0")}}}
		}},
		{"nodeSecurityGroupOptions.ingressRules[0].securityGroupId", func(a *NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{
				{Description: "peer", Protocol: "-1", SecurityGroupId: out("default")}}}
		}},
		{"nodeSecurityGroupOptions.sshSourceSecurityGroupIds[0]", func(a *NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{SshSourceSecurityGroupIds: pulumi.StringArray{out("sg-x")}}
		}},
		{"terminationLifecycleHook.notificationTargetArn", func(a *NodeGroupArgs) {
			a.TerminationLifecycleHook = &TerminationLifecycleHook{NotificationTargetArn: out("arn:aws:lambda:us-east-1:111122223333:function:f"),
				RoleArn: pulumi.String("arn:aws:iam::111122223333:role/hook")}
		}},
		{"instanceProfileArn", func(a *NodeGroupArgs) {
			a.InstanceProfileArn, a.RoleArn = out("arn:aws:iam::111122223333:role/nodes"), out("arn:aws:iam::111122223333:role/nodes")
		}},
	} {
		t.Run(tc.prop, func(t *testing.T) {
			args := demoArgs()
			tc.mutate(args)
			var err error
			require.NotPanics(t, func() { _, _, err = runNodeGroup(t, args) })
			require.Error(t, err, "the output's bad value is refused when it resolves")
			assert.Contains(t, err.Error(), "\n  - "+tc.prop, "the message names the property")
		})
	}
}

func TestInternetWideRemoteLoginIsRefusedInEverySpelling(t *testing.T) {
	rule := func(proto string, from, to *int, v4, v6 string) SecurityGroupRule {
		r := SecurityGroupRule{Description: "r", Protocol: proto, FromPort: from, ToPort: to}
		if v4 != "" {
			r.CidrIpv4 = pulumi.String(v4)
		}
		if v6 != "" {
			r.CidrIpv6 = pulumi.String(v6)
		}
		return r
	}
	refused := []SecurityGroupRule{
		rule("tcp", ptr(22), nil, "0.0.0.0/0", ""),
		rule("TCP", ptr(22), nil, "0.0.0.0/0", ""),
		rule("6", ptr(22), nil, "0.0.0.0/0", ""),
		rule("tcp", ptr(0), ptr(65535), "0.0.0.0/0", ""),
		rule("tcp", ptr(20), ptr(25), "0.0.0.0/1", ""),
		rule("tcp", ptr(3389), nil, "128.0.0.0/2", ""),
		rule("udp", ptr(3389), nil, "0.0.0.0/0", ""),
		rule("17", ptr(3000), ptr(4000), "0.0.0.0/0", ""),
		rule("-1", nil, nil, "0.0.0.0/0", ""),
		rule("all", nil, nil, "0.0.0.0/0", ""),
		rule("ALL", nil, nil, "", "::/0"),
		rule("tcp", ptr(22), nil, "", "::/0"),
		rule("tcp", ptr(22), nil, "", "0::0/0"),
		rule("tcp", ptr(22), nil, "", "2000::/3"),
		rule("tcp", ptr(22), nil, "", "::ffff:0.0.0.0/96"),
		rule("tcp", ptr(22), nil, "::ffff:0.0.0.0/96", ""),
	}
	for i, r := range refused {
		t.Run(fmt.Sprintf("refused %d %s %v", i, r.Protocol, []any{r.CidrIpv4, r.CidrIpv6}), func(t *testing.T) {
			args := demoArgs()
			args.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{r}}
			m, _, err := runNodeGroup(t, args)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "nodeSecurityGroupOptions.ingressRules[0].cidrIpv")
			assert.Empty(t, m.Resources())
		})
	}
	allowed := []SecurityGroupRule{
		rule("tcp", ptr(30000), ptr(32767), "0.0.0.0/0", ""),
		rule("tcp", ptr(443), nil, "", "::/0"),
		rule("tcp", ptr(22), nil, "10.0.0.0/8", ""),
		rule("-1", nil, nil, "100.64.0.0/10", ""),
		rule("tcp", ptr(3389), nil, "", "fc00::/7"),
		rule("tcp", ptr(22), nil, "203.0.113.0/24", ""),
	}
	for i, r := range allowed {
		t.Run(fmt.Sprintf("allowed %d", i), func(t *testing.T) {
			args := demoArgs()
			args.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{r}}
			_, _, err := runNodeGroup(t, args)
			assert.NoError(t, err)
		})
	}
}

func TestProblemOrderIsStable(t *testing.T) {
	args := demoArgs()
	args.Labels, args.Taints = map[string]string{}, map[string]Taint{}
	tags := pulumi.StringMap{}
	for i := 0; i < 12; i++ {
		k := fmt.Sprintf("bad key %d", i)
		args.Labels[k] = "v"
		args.Taints[k] = Taint{Effect: "Never"}
		tags[fmt.Sprintf("aws:%d", i)] = pulumi.String("v")
	}
	args.Tags = tags
	args.UserDataOverride = "#!/bin/bash\n"
	args.KubeletExtraArgs, args.PreBootstrapUserData, args.PostBootstrapUserData = "--v=2", "echo", "echo"
	args.OperatingSystem, args.BottlerocketSettings = Ref(Bottlerocket), map[string]any{
		"kernel": map[string]any{"lockdown": "none"}, "host-containers": map[string]any{"admin": map[string]any{"enabled": true}}}
	args.Hardening = Ref(HardeningBaseline)
	first := validateNodeGroup(args, withDefaults(args))
	require.Greater(t, len(first), 30)
	for i := 0; i < 50; i++ {
		require.Equal(t, first, validateNodeGroup(args, withDefaults(args)), "run %d", i)
	}
}

func TestEveryInstanceFamilyIsValid(t *testing.T) {
	for _, ex := range everyFamilyExample {
		if ex.accel == accelMac {
			continue
		}
		t.Run(ex.instanceType, func(t *testing.T) {
			args := demoArgs()
			args.InstanceType = ex.instanceType
			switch ex.accel {
			case accelNone, accelNvidia, accelNeuron:
			default:
				// No EKS-optimized AMI carries these drivers: the group needs an image that does.
				a := withDefaults(args)
				require.NotEmpty(t, validateNodeGroup(args, a), "an EKS-optimized AMI without the accelerator's drivers is refused")
				args.AmiId, args.Architecture = pulumi.String("ami-0123456789abcdef0"), Ref(ex.arch)
				assert.Empty(t, validateNodeGroup(args, withDefaults(args)))
				return
			}
			a := withDefaults(args)
			require.Empty(t, validateNodeGroup(args, a))
			require.NotNil(t, a.Architecture)
			assert.Equal(t, ex.arch, *a.Architecture)
			variant := map[accelerator]string{accelNone: "standard", accelNvidia: "nvidia", accelNeuron: "neuron"}[ex.accel]
			path, err := amiParameter(amiSelector{OS: AL2023, Variant: *a.AmiVariant, Version: "1.33", Arch: *a.Architecture})
			require.NoError(t, err)
			assert.Equal(t, "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/"+string(ex.arch)+"/"+variant+"/recommended/image_id", path)
		})
	}
}

func TestAcceleratedInstancesGetTheirDrivers(t *testing.T) {
	for _, tc := range []struct {
		os           OperatingSystem
		instanceType string
		want         AMIVariant
	}{
		{AL2023, "g6.xlarge", VariantNvidia}, {AL2023, "p5.48xlarge", VariantNvidia}, {AL2023, "g5g.xlarge", VariantNvidia},
		{AL2023, "p6-b200.48xlarge", VariantNvidia}, {AL2023, "p6e-gb200.36xlarge", VariantNvidia},
		{AL2023, "inf2.xlarge", VariantNeuron}, {AL2023, "trn1.32xlarge", VariantNeuron},
		{Bottlerocket, "g6.xlarge", VariantNvidia}, {Bottlerocket, "m7i.large", VariantStandard},
		{AL2, "g5.xlarge", VariantNvidia}, {AL2, "inf1.xlarge", VariantNvidia},
	} {
		t.Run(string(tc.os)+" "+tc.instanceType, func(t *testing.T) {
			args := demoArgs()
			args.OperatingSystem, args.InstanceType = Ref(tc.os), tc.instanceType
			if tc.os == AL2 {
				args.Cluster.Version = pulumi.String("1.32")
			}
			a := withDefaults(args)
			assert.Empty(t, validateNodeGroup(args, a))
			assert.Equal(t, tc.want, *a.AmiVariant)
		})
	}
	for _, tc := range []struct {
		name   string
		mutate func(a *NodeGroupArgs)
		want   string
	}{
		{"neuron on a GPU", func(a *NodeGroupArgs) { a.InstanceType, a.AmiVariant = "g6.xlarge", Ref(VariantNeuron) },
			"amiVariant (neuron) does not match instanceType g6.xlarge, which has NVIDIA GPUs: use amiVariant nvidia"},
		{"standard on a GPU", func(a *NodeGroupArgs) { a.InstanceType, a.AmiVariant = "p5.48xlarge", Ref(VariantStandard) },
			"amiVariant (standard) does not match instanceType p5.48xlarge, which has NVIDIA GPUs"},
		{"nvidia without a GPU", func(a *NodeGroupArgs) { a.InstanceType, a.AmiVariant = "m7i.large", Ref(VariantNvidia) },
			"amiVariant (nvidia) does not match instanceType m7i.large, which has no accelerator: use amiVariant standard"},
		{"neuron on Graviton", func(a *NodeGroupArgs) { a.InstanceType, a.AmiVariant = "m7g.large", Ref(VariantNeuron) },
			"amiVariant (neuron) does not match instanceType m7g.large"},
		{"GPU on Windows", func(a *NodeGroupArgs) { a.OperatingSystem, a.InstanceType = Ref(Windows2022Core), "g5.xlarge" },
			"instanceType (g5.xlarge) has NVIDIA GPUs, but AWS publishes no EKS-optimized Windows2022Core AMI with their drivers (AL2023, Bottlerocket, AL2 have them)"},
		{"Neuron on Bottlerocket", func(a *NodeGroupArgs) { a.OperatingSystem, a.InstanceType = Ref(Bottlerocket), "inf2.xlarge" },
			"instanceType (inf2.xlarge) has AWS Inferentia or Trainium (Neuron) accelerators, but AWS publishes no EKS-optimized Bottlerocket AMI with their drivers (AL2023, AL2 have them)"},
		{"GPU and CPU mixed", func(a *NodeGroupArgs) {
			a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "g6.xlarge"}, {InstanceType: "m7i.xlarge"}}}
		}, "mixedInstancesPolicy.instanceTypes[1].instanceType (m7i.xlarge) has no accelerator but g6.xlarge has NVIDIA GPUs"},
		{"AMD GPU", func(a *NodeGroupArgs) { a.InstanceType = "g4ad.xlarge" }, "instanceType (g4ad.xlarge) has AMD GPUs, for which AWS publishes no EKS-optimized AMI with drivers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := demoArgs()
			tc.mutate(args)
			m, _, err := runNodeGroup(t, args)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Empty(t, m.Resources())
		})
	}
}

func TestPublishedVersionsPerOS(t *testing.T) {
	for _, tc := range []struct {
		os      OperatingSystem
		variant *AMIVariant
		version string
		want    string // "" when valid
	}{
		{Windows2025Core, nil, "1.34", "cluster.version (1.34): AWS publishes EKS-optimized Windows2025Core AMIs from Kubernetes 1.35 on"},
		{Windows2025Core, nil, "1.35", ""},
		{AL2023, nil, "1.22", "cluster.version (1.22): AWS publishes EKS-optimized AL2023 AMIs from Kubernetes 1.23 on"},
		{AL2023, nil, "1.38", "cluster.version (1.38) is newer than the newest Kubernetes version EKS supports that eksnodes knows (1.37)"},
		{Bottlerocket, Ref(VariantNvidiaFips), "1.28", "cluster.version (1.28): AWS publishes EKS-optimized Bottlerocket nvidia-fips AMIs from Kubernetes 1.29 on"},
		{Bottlerocket, Ref(VariantFips), "1.28", ""},
		{AL2, nil, "1.32", ""},
	} {
		t.Run(fmt.Sprintf("%s %v %s", tc.os, tc.variant, tc.version), func(t *testing.T) {
			args := demoArgs()
			args.OperatingSystem, args.AmiVariant, args.Cluster.Version = Ref(tc.os), tc.variant, pulumi.String(tc.version)
			if tc.variant != nil && nvidiaVariant(*tc.variant) {
				args.InstanceType = "g6.xlarge"
			}
			p := validateNodeGroup(args, withDefaults(args))
			if tc.want == "" {
				assert.Empty(t, p)
				return
			}
			require.NotEmpty(t, p)
			assert.Contains(t, p[0], tc.want)
		})
	}
}

func TestUnknownFamiliesNeedAnArchitecture(t *testing.T) {
	args := demoArgs()
	args.InstanceType = "zz9.large"
	p := validateNodeGroup(args, withDefaults(args))
	require.Len(t, p, 1)
	assert.Equal(t, "instanceType (zz9.large): eksnodes does not know the zz9 family's CPU architecture; set architecture to x86_64 or arm64", p[0])
	args.Architecture = Ref(ARM64)
	assert.Empty(t, validateNodeGroup(args, withDefaults(args)))
}

func TestARNsMustBeInTheStacksPartition(t *testing.T) {
	govKey := "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

	t.Run("mixed partitions are refused before anything is registered", func(t *testing.T) {
		args := demoArgs()
		args.NodeRootVolumeKmsKeyId = pulumi.String(govKey)
		args.NodeRoleOptions = &NodeRoleOptions{PermissionsBoundary: pulumi.String("arn:aws:iam::111122223333:policy/boundary")}
		m, _, err := runNodeGroup(t, args)
		require.Error(t, err)
		assert.Contains(t, err.Error(), `nodeRoleOptions.permissionsBoundary ("arn:aws:iam::111122223333:policy/boundary") is an ARN in partition aws, but nodeRootVolumeKmsKeyId is in aws-us-gov`)
		assert.Empty(t, m.Resources())
	})
	t.Run("a region of another partition is refused", func(t *testing.T) {
		args := demoArgs()
		args.NodeRootVolumeKmsKeyId = pulumi.String("arn:aws:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
		_, _, err := runNodeGroup(t, args)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "\n  - nodeRootVolumeKmsKeyId (")
	})
	t.Run("an ARN of another partition than the provider's fails when the partition is known", func(t *testing.T) {
		args := demoArgs()
		args.NodeRootVolumeKmsKeyId = pulumi.String(govKey)
		_, _, err := runNodeGroup(t, args) // the mocks' provider is in aws
		require.Error(t, err)
		assert.Contains(t, err.Error(), `nodeRootVolumeKmsKeyId ("`+govKey+`") is an ARN in partition aws-us-gov, but the stack's AWS provider is in aws`)
	})
	t.Run("NodeRole policies", func(t *testing.T) {
		_, _, err := runNodeRole(t, "aws", &NodeRoleArgs{ClusterName: pulumi.String("demo"),
			AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws-cn:iam::aws:policy/ReadOnlyAccess"})})
		require.Error(t, err)
		assert.Contains(t, err.Error(), `additionalPolicyArns[0] ("arn:aws-cn:iam::aws:policy/ReadOnlyAccess") is an ARN in partition aws-cn, but the stack's AWS provider is in aws`)
		_, _, err = runNodeRole(t, "aws-cn", &NodeRoleArgs{ClusterName: pulumi.String("demo"),
			AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws-cn:iam::aws:policy/ReadOnlyAccess"})})
		assert.NoError(t, err)
	})
}

func TestIPv6Cluster(t *testing.T) {
	for _, os := range []OperatingSystem{AL2023, Bottlerocket} {
		t.Run(string(os), func(t *testing.T) {
			args := demoArgs()
			args.OperatingSystem = Ref(os)
			args.Cluster.IpFamily = Ref(IPv6)
			args.Cluster.ServiceCidr = pulumi.String("fd30:1c53:5f8::/108")
			m, out, err := runNodeGroup(t, args)
			require.NoError(t, err)

			meta := m.Require(t, tLT, "ng").Input("metadataOptions").(map[string]any)
			assert.Equal(t, "enabled", meta["httpProtocolIpv6"], "IMDS over IPv6")
			assert.Equal(t, "required", meta["httpTokens"])
			assert.Equal(t, "::/0", m.Require(t, tEgress, "ng-sg-egress-all-ipv6").Input("cidrIpv6"))
			assert.Equal(t, "0.0.0.0/0", m.Require(t, tEgress, "ng-sg-egress-all").Input("cidrIpv4"))

			// The VPC CNI's IPv6 permissions replace AmazonEKS_CNI_Policy (EKS IAM docs, IPv6).
			assert.NotContains(t, policyArns(m), "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy")
			var doc struct {
				Statement []struct {
					Action   []string
					Resource any
				}
			}
			require.NoError(t, json.Unmarshal([]byte(m.Require(t, "aws:iam/rolePolicy:RolePolicy", "ng-role-cni-ipv6").Input("policy").(string)), &doc))
			require.Len(t, doc.Statement, 2)
			assert.ElementsMatch(t, []string{"ec2:AssignIpv6Addresses", "ec2:DescribeInstances", "ec2:DescribeTags",
				"ec2:DescribeNetworkInterfaces", "ec2:DescribeInstanceTypes"}, doc.Statement[0].Action)
			assert.Equal(t, []string{"ec2:CreateTags"}, doc.Statement[1].Action)
			assert.Equal(t, []any{"arn:aws:ec2:*:*:network-interface/*"}, doc.Statement[1].Resource)

			if os == Bottlerocket {
				assert.Contains(t, out.UserData, `cluster-dns-ip = "fd30:1c53:5f8::a"`)
			} else {
				assert.Contains(t, out.UserData, "cidr: fd30:1c53:5f8::/108")
			}
		})
	}
	t.Run("IPv4 groups are unchanged", func(t *testing.T) {
		m, _, err := runNodeGroup(t, demoArgs())
		require.NoError(t, err)
		assert.NotContains(t, m.Require(t, tLT, "ng").Input("metadataOptions").(map[string]any), "httpProtocolIpv6")
		assert.Empty(t, m.OfType("aws:iam/rolePolicy:RolePolicy"))
	})
	for _, tc := range []struct {
		name   string
		mutate func(a *NodeGroupArgs)
		want   string
	}{
		{"IPv4 CIDR in an IPv6 cluster", func(a *NodeGroupArgs) { a.Cluster.IpFamily = Ref(IPv6) },
			`cluster.serviceCidr ("172.20.0.0/16") is an IPv4 CIDR, but cluster.ipFamily is ipv6`},
		{"IPv6 CIDR in an IPv4 cluster", func(a *NodeGroupArgs) { a.Cluster.ServiceCidr = pulumi.String("fd30:1c53:5f8::/108") },
			`cluster.serviceCidr ("fd30:1c53:5f8::/108") is an IPv6 CIDR, but cluster.ipFamily is ipv4`},
		{"not a ULA /108", func(a *NodeGroupArgs) {
			a.Cluster.IpFamily, a.Cluster.ServiceCidr = Ref(IPv6), pulumi.String("2001:db8::/108")
		}, `cluster.serviceCidr ("2001:db8::/108") must be the /108 within fc00::/7`},
		{"Windows", func(a *NodeGroupArgs) {
			a.Cluster.IpFamily, a.Cluster.ServiceCidr, a.OperatingSystem = Ref(IPv6), pulumi.String("fd30:1c53:5f8::/108"), Ref(Windows2022Core)
		}, "cluster.ipFamily (ipv6): EKS Windows2022Core nodes support IPv4 clusters only"},
		{"unknown family", func(a *NodeGroupArgs) { a.Cluster.IpFamily = Ref[IpFamily]("dual") }, `cluster.ipFamily ("dual") must be one of: ipv4, ipv6`},
		{"output CIDR of the wrong family", func(a *NodeGroupArgs) {
			a.Cluster.IpFamily, a.Cluster.ServiceCidr = Ref(IPv6), out("10.100.0.0/16")
		}, `cluster.serviceCidr ("10.100.0.0/16") is an IPv4 CIDR, but cluster.ipFamily is ipv6`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := demoArgs()
			tc.mutate(args)
			_, _, err := runNodeGroup(t, args)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// The kubelet reads `_` and `-` alike in flag names, so every spelling of a flag eksnodes owns
// is refused, and a flag given twice under two spellings is one flag given twice.
func TestKubeletFlagSpellings(t *testing.T) {
	for _, tc := range []struct{ args, want string }{
		{"--register_with_taints=a=b:NoSchedule", "kubeletExtraArgs: set register-with-taints with taints"},
		{"--register-with_taints=a=b:NoSchedule", "kubeletExtraArgs: set register-with-taints with taints"},
		{"--node_labels=a=b", "kubeletExtraArgs: set node-labels with labels"},
		{"--Node-Labels=a=b", `kubeletExtraArgs: "--Node-Labels=a=b" must be a kubelet flag`},
		{"-node-labels=a=b", `kubeletExtraArgs: "-node-labels=a=b" must be a kubelet flag`},
		{"--max_pods=10 --max-pods=20", "kubeletExtraArgs: --max-pods is given more than once"},
	} {
		args := demoArgs()
		args.KubeletExtraArgs = tc.args
		p := validateNodeGroup(args, withDefaults(args))
		require.NotEmpty(t, p, tc.args)
		assert.Contains(t, strings.Join(p, "\n"), tc.want, tc.args)
	}
	args := demoArgs()
	args.KubeletExtraArgs = "--max_pods=58 --v=2"
	assert.Empty(t, validateNodeGroup(args, withDefaults(args)), "other flags keep either spelling")
}

package nodegroup

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMixedInstancesPolicy(t *testing.T) {
	args := demoArgs()
	args.MixedInstancesPolicy = &MixedInstancesPolicy{
		InstanceTypes: []InstanceTypeOverride{
			{InstanceType: "m7g.large", WeightedCapacity: ptr(1)},
			{InstanceType: "m6g.xlarge", WeightedCapacity: ptr(2)},
			{InstanceType: "c7g.large", WeightedCapacity: ptr(1)},
		},
		OnDemandBaseCapacity:                ptr(1),
		OnDemandPercentageAboveBaseCapacity: ptr(25),
		SpotMaxPrice:                        "0.05",
	}
	args.CapacityRebalance = ptr(true)
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)

	asg := m.Require(t, tASG, "ng")
	assert.Nil(t, asg.Input("launchTemplate"), "the template is part of the policy")
	assert.Equal(t, true, asg.Input("capacityRebalance"))
	assert.Equal(t, map[string]any{
		"launchTemplate": map[string]any{
			"launchTemplateSpecification": map[string]any{"launchTemplateId": nodegrouptest.ID(tLT, "ng"), "version": "1"},
			"overrides": []any{
				map[string]any{"instanceType": "m7g.large", "weightedCapacity": "1"},
				map[string]any{"instanceType": "m6g.xlarge", "weightedCapacity": "2"},
				map[string]any{"instanceType": "c7g.large", "weightedCapacity": "1"},
			},
		},
		"instancesDistribution": map[string]any{
			"onDemandAllocationStrategy": "prioritized", "onDemandBaseCapacity": 1.0,
			"onDemandPercentageAboveBaseCapacity": 25.0, "spotAllocationStrategy": "price-capacity-optimized",
			"spotMaxPrice": "0.05",
		},
	}, asg.Input("mixedInstancesPolicy"))

	lt := m.Require(t, tLT, "ng")
	assert.Nil(t, lt.Input("instanceType"), "the policy's overrides choose the type")
	paths := m.SSMParameters()
	assert.Equal(t, []string{"/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard/recommended/image_id"}, paths,
		"the AMI follows the policy's architecture")
}

func TestSpotOnlyScaleFromZero(t *testing.T) {
	args := demoArgs()
	args.MixedInstancesPolicy = &MixedInstancesPolicy{
		InstanceTypes:                       []InstanceTypeOverride{{InstanceType: "c7i.large"}, {InstanceType: "c6i.large"}},
		OnDemandPercentageAboveBaseCapacity: ptr(0),
	}
	args.MinSize, args.MaxSize, args.DesiredCapacity = ptr(0), ptr(20), ptr(0)
	args.ClusterAutoscalerTags = true
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	asg := m.Require(t, tASG, "ng")
	dist := asg.Input("mixedInstancesPolicy").(map[string]any)["instancesDistribution"].(map[string]any)
	assert.Equal(t, 0.0, dist["onDemandBaseCapacity"])
	assert.Equal(t, 0.0, dist["onDemandPercentageAboveBaseCapacity"], "Spot only")
	assert.Equal(t, 0.0, asg.Input("minSize"))
	assert.Equal(t, 0.0, asg.Input("desiredCapacity"))
	assert.Equal(t, []string{"desiredCapacity"}, asg.IgnoreChanges)
}

func TestTerminationLifecycleHook(t *testing.T) {
	args := demoArgs()
	args.TerminationLifecycleHook = &TerminationLifecycleHook{HeartbeatTimeout: ptr(600)}
	m, out, err := runNodeGroup(t, args)
	require.NoError(t, err)
	assert.ElementsMatch(t, append(append([]string{}, defaultChildren...), "aws:autoscaling/lifecycleHook:LifecycleHook ng-termination"), m.Keys())
	hook := m.Require(t, "aws:autoscaling/lifecycleHook:LifecycleHook", "ng-termination")
	assert.Equal(t, map[string]any{
		"autoscalingGroupName": out.ASGName, "name": "eksnodes-termination",
		"lifecycleTransition": "autoscaling:EC2_INSTANCE_TERMINATING", "heartbeatTimeout": 600.0, "defaultResult": "CONTINUE",
	}, map[string]any{
		"autoscalingGroupName": hook.Input("autoscalingGroupName"), "name": hook.Input("name"),
		"lifecycleTransition": hook.Input("lifecycleTransition"), "heartbeatTimeout": hook.Input("heartbeatTimeout"), "defaultResult": hook.Input("defaultResult"),
	})
	assert.Nil(t, hook.Input("notificationTargetArn"))
	assert.Equal(t, "urn:pulumi:test::eksnodes::eksnodes:index:NodeGroup::ng", hook.Parent)
}

func TestHardeningBaseline(t *testing.T) {
	t.Run("AL2023", func(t *testing.T) {
		args := demoArgs()
		args.Hardening = Ref(HardeningBaseline)
		m, out, err := runNodeGroup(t, args)
		require.NoError(t, err)
		assert.Contains(t, policyArns(m), "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "Session Manager is the way in")
		parts, err := userdata.ParseMIME(out.UserData)
		require.NoError(t, err)
		last := parts[len(parts)-1]
		assert.Equal(t, userdata.ShellScriptContentType, last.ContentType)
		assert.Equal(t, strings.TrimRight(userdata.AL2023HardeningScript(), "\n"), strings.TrimRight(last.Body, "\n"),
			"the hardening part is exactly the script whose behaviour the userdata tests prove")
		lt := m.Require(t, tLT, "ng")
		assert.Nil(t, lt.Input("keyName"))
		assert.Equal(t, 1.0, lt.Input("metadataOptions").(map[string]any)["httpPutResponseHopLimit"])
	})
	t.Run("custom AMI skips the package steps", func(t *testing.T) {
		args := demoArgs()
		args.Hardening = Ref(HardeningBaseline)
		args.AmiId, args.Architecture = pulumi.String("ami-0123456789abcdef0"), Ref(X86_64)
		_, out, err := runNodeGroup(t, args)
		require.NoError(t, err)
		assert.NotContains(t, out.UserData, userdata.HardeningUnit)
	})
	t.Run("Bottlerocket", func(t *testing.T) {
		args := demoArgs()
		args.OperatingSystem = Ref(Bottlerocket)
		args.Hardening = Ref(HardeningBaseline)
		args.BottlerocketSettings = map[string]any{"host-containers": map[string]any{"control": map[string]any{"enabled": true}}}
		_, out, err := runNodeGroup(t, args)
		require.NoError(t, err)
		var doc struct {
			Settings struct {
				HostContainers map[string]struct {
					Enabled bool `toml:"enabled"`
				} `toml:"host-containers"`
				Kernel struct {
					Lockdown string `toml:"lockdown"`
				} `toml:"kernel"`
			} `toml:"settings"`
		}
		_, err = toml.Decode(out.UserData, &doc)
		require.NoError(t, err)
		assert.False(t, doc.Settings.HostContainers["admin"].Enabled)
		assert.True(t, doc.Settings.HostContainers["control"].Enabled, "the user's settings merge with the profile's")
		assert.Equal(t, "integrity", doc.Settings.Kernel.Lockdown)
	})
	t.Run("Bottlerocket NVIDIA keeps lockdown off", func(t *testing.T) {
		// The NVIDIA kernel modules do not load under kernel lockdown; Bottlerocket's nvidia
		// variants default it to none (Bottlerocket settings reference, kernel.lockdown).
		for _, variant := range []*AMIVariant{nil, Ref(VariantNvidiaFips)} {
			args := demoArgs()
			args.OperatingSystem, args.InstanceType, args.AmiVariant = Ref(Bottlerocket), "g6.xlarge", variant
			args.Hardening = Ref(HardeningBaseline)
			_, out, err := runNodeGroup(t, args)
			require.NoError(t, err)
			var doc map[string]any
			_, err = toml.Decode(out.UserData, &doc)
			require.NoError(t, err)
			settings := doc["settings"].(map[string]any)
			assert.NotContains(t, settings, "kernel", "no kernel.lockdown on an NVIDIA variant")
			assert.Equal(t, false, settings["host-containers"].(map[string]any)["admin"].(map[string]any)["enabled"])

			args.BottlerocketSettings = map[string]any{"kernel": map[string]any{"lockdown": "integrity"}}
			_, _, err = runNodeGroup(t, args)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "bottlerocketSettings.kernel.lockdown (integrity): the NVIDIA kernel modules")
		}
	})
	t.Run("Windows locks the defaults only", func(t *testing.T) {
		plain, hardened := demoArgs(), demoArgs()
		plain.OperatingSystem, hardened.OperatingSystem = Ref(Windows2022Core), Ref(Windows2022Core)
		hardened.Hardening = Ref(HardeningBaseline)
		_, a, err := runNodeGroup(t, plain)
		require.NoError(t, err)
		_, b, err := runNodeGroup(t, hardened)
		require.NoError(t, err)
		assert.Equal(t, a.UserData, b.UserData)
	})
}

// Every child that AWS can tag carries the user's tags.
func TestUserTagsOnEveryTaggableChild(t *testing.T) {
	args := demoArgs()
	args.Tags = pulumi.ToStringMap(map[string]string{"team": "platform", "cost-center": "42"})
	args.TerminationLifecycleHook = &TerminationLifecycleHook{}
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	notTaggable := map[string]bool{tAttachment: true, "aws:autoscaling/lifecycleHook:LifecycleHook": true}
	for _, r := range m.Resources() {
		if !r.Custom || notTaggable[r.Type] {
			continue
		}
		switch r.Type {
		case tASG:
			tags := map[string]any{}
			for _, tag := range r.Input("tags").([]any) {
				tm := tag.(map[string]any)
				tags[tm["key"].(string)] = tm["value"]
			}
			assert.Equal(t, "platform", tags["team"], r.Name)
			assert.Equal(t, "42", tags["cost-center"], r.Name)
		default:
			tags, _ := r.Input("tags").(map[string]any)
			assert.Equal(t, "platform", tags["team"], "%s %s", r.Type, r.Name)
			assert.Equal(t, "42", tags["cost-center"], "%s %s", r.Type, r.Name)
		}
	}
}

func TestBaselineWithAnExistingRoleWarns(t *testing.T) {
	args := demoArgs()
	args.Hardening = Ref(HardeningBaseline)
	args.InstanceProfileArn = pulumi.String("arn:aws:iam::111122223333:instance-profile/nodes")
	args.RoleArn = pulumi.String("arn:aws:iam::111122223333:role/nodes")
	warnings := hardeningWarnings(withDefaults(args))
	require.Len(t, warnings, 1)
	assert.Contains(t, warnings[0], "attach it to the role of instanceProfileArn yourself")
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	assert.Empty(t, m.OfType(tAttachment), "no role is created, so nothing is attached")

	args.InstanceProfileArn, args.RoleArn = nil, nil
	assert.Empty(t, hardeningWarnings(withDefaults(args)), "a role eksnodes creates gets the policy")
}

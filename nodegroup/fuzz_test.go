package nodegroup

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

var (
	propertyNamesOnce sync.Once
	propertyNames     []string
)

// knownProperties lists every input property name of every component and nested type.
func knownProperties() []string {
	propertyNamesOnce.Do(func() {
		for _, docs := range [][]PropertyDoc{
			PropertyDocs(&NodeGroupArgs{}), PropertyDocs(&ClusterArgs{}), PropertyDocs(&Taint{}),
			PropertyDocs(&NodeRoleOptions{}), PropertyDocs(&NodeSecurityGroupOptions{}), PropertyDocs(&SecurityGroupRule{}),
			PropertyDocs(&MetadataOptions{}), PropertyDocs(&InstanceRefresh{}), PropertyDocs(&MixedInstancesPolicy{}),
			PropertyDocs(&InstanceTypeOverride{}), PropertyDocs(&TerminationLifecycleHook{}),
			PropertyDocs(&NodeRoleArgs{}), PropertyDocs(&NodeSecurityGroupArgs{}),
		} {
			for _, d := range docs {
				propertyNames = append(propertyNames, d.Name)
			}
		}
	})
	return propertyNames
}

// namesAProperty reports whether a problem names an input property.
func namesAProperty(problem string) bool {
	for _, name := range knownProperties() {
		if strings.Contains(problem, name) {
			return true
		}
	}
	return false
}

// fuzzArgs builds NodeGroup inputs from fuzzed values on top of a valid group.
func fuzzArgs(osName, instanceType, labelKey, labelValue, taintEffect, kubeletArgs, script, volumeType string, minSize, maxSize, desired, hopLimit int) *NodeGroupArgs {
	a := demoArgs()
	a.OperatingSystem = Ref(OperatingSystem(osName))
	a.InstanceType = instanceType
	a.Labels = map[string]string{labelKey: labelValue}
	a.Taints = map[string]Taint{labelKey: {Value: labelValue, Effect: TaintEffect(taintEffect)}}
	a.KubeletExtraArgs = kubeletArgs
	a.PreBootstrapUserData = script
	a.NodeRootVolumeType = volumeType
	a.MinSize, a.MaxSize, a.DesiredCapacity = &minSize, &maxSize, &desired
	a.MetadataOptions = &MetadataOptions{HttpPutResponseHopLimit: &hopLimit}
	return a
}

func addFuzzSeeds(f *testing.F) {
	f.Add("AL2023", "m7i.large", "team", "platform", "NoSchedule", "--max-pods=58", "echo hi", "gp3", 1, 3, 2, 1)
	f.Add("Bottlerocket", "m7g.large", "workload", "batch", "NoExecute", "", "", "gp3", 0, 10, 0, 1)
	f.Add("Windows2022Core", "m7i.xlarge", "os", "windows", "PreferNoSchedule", "--v=2", "Write-Host hi", "gp3", 1, 1, 1, 2)
	f.Add("AL2", "t3.large", "a", "b", "NoSchedule", "", "", "gp2", 1, 2, 2, 1)
	f.Add("Plan9", "large", "bad key", "a b", "NoRun", "max-pods", "--EKSNODES-USERDATA-BOUNDARY--", "st1", -1, 0, 5, 0)
	f.Add("", "", "", "", "", "--node-labels=x", "\x00", "", 0, 0, 0, 65)
	f.Add("AL2023", "m7i.large", "kubernetes.io/role", "\xff", "NoSchedule", "--a --b", strings.Repeat("x", 17000), "io2", 3, 2, 1, 1)
}

// FuzzValidate runs defaults and validation alone: they never panic, and every problem names
// the property at fault.
func FuzzValidate(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, osName, instanceType, labelKey, labelValue, taintEffect, kubeletArgs, script, volumeType string, minSize, maxSize, desired, hopLimit int) {
		args := fuzzArgs(osName, instanceType, labelKey, labelValue, taintEffect, kubeletArgs, script, volumeType, minSize, maxSize, desired, hopLimit)
		for _, p := range validateNodeGroup(args, withDefaults(args)) {
			if !namesAProperty(p) {
				t.Fatalf("problem names no property: %q", p)
			}
		}
	})
}

// FuzzNewNodeGroup runs the whole constructor against the engine's mocks: it never panics;
// it either registers the group or refuses it, before registering anything, with problems that
// each name a property.
func FuzzNewNodeGroup(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, osName, instanceType, labelKey, labelValue, taintEffect, kubeletArgs, script, volumeType string, minSize, maxSize, desired, hopLimit int) {
		args := fuzzArgs(osName, instanceType, labelKey, labelValue, taintEffect, kubeletArgs, script, volumeType, minSize, maxSize, desired, hopLimit)
		m := newMocks()
		err := pulumi.RunErr(func(ctx *pulumi.Context) error {
			_, err := NewNodeGroup(ctx, "ng", args)
			return err
		}, pulumi.WithMocks("eksnodes", "fuzz", m))
		if err == nil {
			if len(m.ofType(tASG)) != 1 {
				t.Fatalf("accepted, but registered %v", m.names())
			}
			return
		}
		var verr *ValidationError
		if !errors.As(err, &verr) {
			t.Fatalf("refused without a ValidationError: %v", err)
		}
		if len(m.regs) != 0 {
			t.Fatalf("refused after registering %v", m.names())
		}
		for _, p := range verr.Problems {
			if !namesAProperty(p) {
				t.Fatalf("problem names no property: %q", p)
			}
		}
	})
}

package nodegroup

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const tPlacementGroup = "aws:ec2/placementGroup:PlacementGroup"

// efaArgs is a valid GPU NodeGroup with EFA on four network cards, in one subnet.
func efaArgs() *NodeGroupArgs {
	a := demoArgs()
	a.InstanceType = "p5.48xlarge"
	a.SubnetIds = pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"})
	a.Efa = &EfaOptions{InterfaceCount: ptr(4)}
	return a
}

func TestCapacityOptionChildren(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mutate func(a *NodeGroupArgs)
		want   []string
	}{
		{"efa creates a cluster placement group and the egress self rule", func(a *NodeGroupArgs) { *a = *efaArgs() },
			append(append([]string{}, defaultChildren...), tPlacementGroup+" ng", tEgress+" ng-sg-egress-self-efa")},
		{"efa with the strict profile adds the ingress self rule", func(a *NodeGroupArgs) {
			*a = *efaArgs()
			a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{RulesProfile: Ref(RulesStrict)}
		}, append(without(defaultChildren, tIngress+" ng-sg-ingress-self-all"),
			tPlacementGroup+" ng", tEgress+" ng-sg-egress-self-efa", tIngress+" ng-sg-ingress-self-efa",
			tIngress+" ng-sg-ingress-self-dns-tcp", tIngress+" ng-sg-ingress-self-dns-udp", tIngress+" ng-sg-ingress-self-kubelet")},
		{"efa in an existing placement group", func(a *NodeGroupArgs) {
			*a = *efaArgs()
			a.PlacementGroup = &PlacementGroupOptions{Name: pulumi.String("training")}
		}, append(append([]string{}, defaultChildren...), tEgress+" ng-sg-egress-self-efa")},
		{"efa in a capacity block: the block places the nodes", func(a *NodeGroupArgs) {
			*a = *efaArgs()
			a.CapacityReservation = &CapacityReservation{ReservationId: pulumi.String("cr-0123456789abcdef0")}
			a.InstanceMarketOptions = &InstanceMarketOptions{MarketType: MarketTypeCapacityBlock}
		}, append(append([]string{}, defaultChildren...), tEgress+" ng-sg-egress-self-efa")},
		{"partition placement group on its own", func(a *NodeGroupArgs) {
			a.PlacementGroup = &PlacementGroupOptions{Strategy: Ref(PlacementStrategyPartition), PartitionCount: ptr(3)}
		}, append(append([]string{}, defaultChildren...), tPlacementGroup+" ng")},
		{"launch template extras add no resource", func(a *NodeGroupArgs) {
			a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdb", Size: 100}}
			a.CreditSpecification = Ref(CpuCreditsStandard)
			a.CapacityReservation = &CapacityReservation{Preference: Ref(CapacityReservationNone)}
		}, defaultChildren},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := demoArgs()
			tc.mutate(args)
			m, _, err := runNodeGroup(t, args)
			require.NoError(t, err)
			assert.ElementsMatch(t, tc.want, m.Keys())
		})
	}
}

func TestEfaLaunchTemplate(t *testing.T) {
	m, out, err := runNodeGroup(t, efaArgs())
	require.NoError(t, err)
	pg := m.Require(t, tPlacementGroup, "ng")
	assert.Equal(t, "cluster", pg.Input("strategy"))
	assert.Nil(t, pg.Input("partitionCount"))
	assert.Equal(t, map[string]any{"Name": "ng", "kubernetes.io/cluster/demo": "owned"}, pg.Input("tags"))
	assert.Equal(t, tNodeGroup+"::ng", strings.TrimPrefix(pg.Parent, "urn:pulumi:test::eksnodes::"))

	lt := m.Require(t, tLT, "ng")
	sgs := []any{out.SecurityGroupID}
	efaOnly := func(card float64) map[string]any {
		return map[string]any{"networkCardIndex": card, "deviceIndex": 1.0, "interfaceType": "efa-only", "deleteOnTermination": "true", "securityGroups": sgs}
	}
	assert.Equal(t, []any{
		map[string]any{"deviceIndex": 0.0, "interfaceType": "efa", "associatePublicIpAddress": "false", "deleteOnTermination": "true", "securityGroups": sgs},
		efaOnly(1), efaOnly(2), efaOnly(3),
	}, lt.Input("networkInterfaces"))
	assert.Equal(t, map[string]any{"groupName": "ng"}, lt.Input("placement"))
	for _, key := range []string{"capacityReservationSpecification", "instanceMarketOptions", "creditSpecification", "cpuOptions", "enclaveOptions"} {
		assert.Nil(t, lt.Input(key), key)
	}

	egress := m.Require(t, tEgress, "ng-sg-egress-self-efa")
	assert.Equal(t, "-1", egress.Input("ipProtocol"))
	assert.Equal(t, out.SecurityGroupID, egress.Input("referencedSecurityGroupId"))
	assert.Equal(t, out.SecurityGroupID, egress.Input("securityGroupId"))
}

func TestLaunchTemplateCapacityOptions(t *testing.T) {
	args := efaArgs()
	args.Efa = &EfaOptions{InterfaceCount: ptr(2), SecondaryInterfaceType: Ref(EfaInterfaceTypeEfa)}
	args.CapacityReservation = &CapacityReservation{ReservationId: pulumi.String("cr-0123456789abcdef0")}
	args.InstanceMarketOptions = &InstanceMarketOptions{MarketType: MarketTypeCapacityBlock}
	args.CpuOptions = &CpuOptions{CoreCount: ptr(48), ThreadsPerCore: ptr(1)}
	args.EnclaveEnabled = true
	args.DataVolumes = []DataVolume{
		{DeviceName: "/dev/xvdb", Size: 500, Iops: ptr(16000), Throughput: ptr(1000)},
		{DeviceName: "/dev/sdc", Size: 1000, Type: "st1", Encrypted: ptr(false), DeleteOnTermination: ptr(false)},
		{DeviceName: "/dev/xvdd", Size: 100, Type: "io2", Iops: ptr(10000), KmsKeyId: pulumi.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")},
	}
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	_, created := m.Get(tPlacementGroup, "ng")
	assert.False(t, created, "the Capacity Block places the nodes")
	lt := m.Require(t, tLT, "ng")
	assert.Nil(t, lt.Input("placement"))
	assert.Equal(t, map[string]any{"capacityReservationTarget": map[string]any{"capacityReservationId": "cr-0123456789abcdef0"}}, lt.Input("capacityReservationSpecification"))
	assert.Equal(t, map[string]any{"marketType": "capacity-block"}, lt.Input("instanceMarketOptions"))
	assert.Equal(t, map[string]any{"coreCount": 48.0, "threadsPerCore": 1.0}, lt.Input("cpuOptions"))
	assert.Equal(t, map[string]any{"enabled": true}, lt.Input("enclaveOptions"))
	nics := lt.Input("networkInterfaces").([]any)
	require.Len(t, nics, 2)
	assert.Equal(t, "efa", nics[1].(map[string]any)["interfaceType"])
	assert.Equal(t, []any{
		map[string]any{"deviceName": "/dev/xvda", "ebs": map[string]any{"volumeSize": 20.0, "volumeType": "gp3", "encrypted": "true", "deleteOnTermination": "true"}},
		map[string]any{"deviceName": "/dev/xvdb", "ebs": map[string]any{"volumeSize": 500.0, "volumeType": "gp3", "encrypted": "true", "deleteOnTermination": "true", "iops": 16000.0, "throughput": 1000.0}},
		map[string]any{"deviceName": "/dev/sdc", "ebs": map[string]any{"volumeSize": 1000.0, "volumeType": "st1", "encrypted": "false", "deleteOnTermination": "false"}},
		map[string]any{"deviceName": "/dev/xvdd", "ebs": map[string]any{"volumeSize": 100.0, "volumeType": "io2", "encrypted": "true", "deleteOnTermination": "true", "iops": 10000.0,
			"kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}},
	}, lt.Input("blockDeviceMappings"))
}

func TestLaunchTemplatePlacementAndReservationPreferences(t *testing.T) {
	args := demoArgs()
	args.InstanceType = "t3.large"
	args.PlacementGroup = &PlacementGroupOptions{Strategy: Ref(PlacementStrategySpread), SpreadLevel: Ref(SpreadLevelRack)}
	args.CapacityReservation = &CapacityReservation{ResourceGroupArn: pulumi.String("arn:aws:resource-groups:us-east-1:111122223333:group/reservations")}
	args.CreditSpecification = Ref(CpuCreditsUnlimited)
	args.CpuOptions = &CpuOptions{ThreadsPerCore: ptr(1)}
	m, _, err := runNodeGroup(t, args)
	require.NoError(t, err)
	pg := m.Require(t, tPlacementGroup, "ng")
	assert.Equal(t, "spread", pg.Input("strategy"))
	assert.Equal(t, "rack", pg.Input("spreadLevel"))
	lt := m.Require(t, tLT, "ng")
	assert.Equal(t, map[string]any{"groupName": "ng"}, lt.Input("placement"))
	assert.Equal(t, map[string]any{"capacityReservationTarget": map[string]any{
		"capacityReservationResourceGroupArn": "arn:aws:resource-groups:us-east-1:111122223333:group/reservations"}}, lt.Input("capacityReservationSpecification"))
	assert.Equal(t, map[string]any{"cpuCredits": "unlimited"}, lt.Input("creditSpecification"))
	assert.Equal(t, map[string]any{"threadsPerCore": 1.0}, lt.Input("cpuOptions"))
	nics := lt.Input("networkInterfaces").([]any)
	require.Len(t, nics, 1)
	assert.NotContains(t, nics[0], "interfaceType", "no EFA unless asked for")

	args = demoArgs()
	args.InstanceType = "m6a.large"
	args.PlacementGroup = &PlacementGroupOptions{Name: pulumi.String("existing-group")}
	args.CapacityReservation = &CapacityReservation{Preference: Ref(CapacityReservationOpen)}
	args.CpuOptions = &CpuOptions{AmdSevSnp: true}
	m, _, err = runNodeGroup(t, args)
	require.NoError(t, err)
	lt = m.Require(t, tLT, "ng")
	assert.Equal(t, map[string]any{"groupName": "existing-group"}, lt.Input("placement"))
	assert.Equal(t, map[string]any{"capacityReservationPreference": "open"}, lt.Input("capacityReservationSpecification"))
	assert.Equal(t, map[string]any{"amdSevSnp": "enabled"}, lt.Input("cpuOptions"))
	_, created := m.Get(tPlacementGroup, "ng")
	assert.False(t, created)
}

// TestSharedSecurityGroupAllowsEfa: a NodeSecurityGroup shared by EFA groups gets the rules
// EFA needs from allowEfa.
func TestSharedSecurityGroupAllowsEfa(t *testing.T) {
	base := NodeSecurityGroupArgs{RulesProfile: Ref(RulesStrict), ClusterSecurityGroupTraffic: Ref(ClusterTrafficAll), AllowEfa: true}
	ingress, egress := planSecurityGroupRules(base)
	assert.Contains(t, suffixes(ingress), "ingress-self-efa")
	assert.Contains(t, suffixes(egress), "egress-self-efa")
	base.RulesProfile = Ref(RulesDefault)
	ingress, _ = planSecurityGroupRules(base)
	assert.NotContains(t, suffixes(ingress), "ingress-self-efa", "the default profile already allows all traffic from itself")
	base.AllowEfa = false
	_, egress = planSecurityGroupRules(base)
	assert.NotContains(t, suffixes(egress), "egress-self-efa")
}

func suffixes(rules []rulePlan) []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = r.Suffix
	}
	return out
}

// badCapacityOptions are invalid launch-template capacity options, each refused with a
// message that names the property.
var badCapacityOptions = []struct {
	name   string
	mutate func(a *NodeGroupArgs)
	want   string
}{
	// dataVolumes
	{"data volume without device", func(a *NodeGroupArgs) { a.DataVolumes = []DataVolume{{Size: 10}} }, "dataVolumes[0].deviceName is required"},
	{"data volume bad device", func(a *NodeGroupArgs) { a.DataVolumes = []DataVolume{{DeviceName: "xvdc", Size: 10}} }, `dataVolumes[0].deviceName ("xvdc") must be an EBS device name`},
	{"data volume on the root device", func(a *NodeGroupArgs) { a.DataVolumes = []DataVolume{{DeviceName: "/dev/sda", Size: 10}} }, "dataVolumes[0].deviceName (/dev/sda) is already the root volume"},
	{"data volume on Bottlerocket's data device", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.DataVolumes = Ref(Bottlerocket), []DataVolume{{DeviceName: "/dev/xvdb", Size: 10}}
	}, "dataVolumes[0].deviceName (/dev/xvdb) is already the data volume sized by nodeRootVolumeSize"},
	{"data volume on Windows's root device", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.DataVolumes = Ref(Windows2022Core), []DataVolume{{DeviceName: "xvda", Size: 10}}
	}, "dataVolumes[0].deviceName (xvda) is already the root volume"},
	{"two data volumes on one device", func(a *NodeGroupArgs) {
		a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdf", Size: 10}, {DeviceName: "/dev/sdf", Size: 10}}
	}, "dataVolumes[1].deviceName (/dev/sdf) is already dataVolumes[0]'s device"},
	{"data volume bad type", func(a *NodeGroupArgs) { a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 10, Type: "gp4"}} }, `dataVolumes[0].type ("gp4") must be one of: gp3, gp2, io1, io2, st1, sc1, standard`},
	{"data volume st1 too small", func(a *NodeGroupArgs) { a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 10, Type: "st1"}} }, "dataVolumes[0].size (10) must be between 125 and 16384 GiB for st1"},
	{"data volume zero size", func(a *NodeGroupArgs) { a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc"}} }, "dataVolumes[0].size (0) must be between 1 and 65536 GiB for gp3"},
	{"data volume io2 without IOPS", func(a *NodeGroupArgs) { a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 10, Type: "io2"}} }, "dataVolumes[0].iops is required for io2 volumes"},
	{"data volume IOPS ratio", func(a *NodeGroupArgs) {
		a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 10, Type: "io1", Iops: ptr(1000)}}
	}, "dataVolumes[0].iops (1000) exceeds 50 IOPS per GiB for io1: a 10 GiB volume allows at most 500 (raise dataVolumes[0].size)"},
	{"data volume IOPS on st1", func(a *NodeGroupArgs) {
		a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 500, Type: "st1", Iops: ptr(3000)}}
	}, "dataVolumes[0].iops applies only to gp3, io1 and io2 volumes, not st1"},
	{"data volume throughput ratio", func(a *NodeGroupArgs) {
		a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 100, Throughput: ptr(1000)}}
	}, "dataVolumes[0].throughput (1000 MiB/s) exceeds 0.25 MiB/s per IOPS: 3000 IOPS allow at most 750 MiB/s (raise dataVolumes[0].iops)"},
	{"data volume throughput on gp2", func(a *NodeGroupArgs) {
		a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 100, Type: "gp2", Throughput: ptr(200)}}
	}, "dataVolumes[0].throughput applies only to gp3 volumes, not gp2"},
	{"data volume KMS key unencrypted", func(a *NodeGroupArgs) {
		a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 10, Encrypted: ptr(false), KmsKeyId: pulumi.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")}}
	}, "dataVolumes[0].kmsKeyId requires dataVolumes[0].encrypted to be true"},
	{"data volume bad KMS key", func(a *NodeGroupArgs) {
		a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 10, KmsKeyId: pulumi.String("alias/ebs")}}
	}, `dataVolumes[0].kmsKeyId ("alias/ebs") must be a KMS key or alias ARN`},
	{"data volume unencrypted under baseline", func(a *NodeGroupArgs) {
		a.Hardening, a.DataVolumes = Ref(HardeningBaseline), []DataVolume{{DeviceName: "/dev/xvdc", Size: 10, Encrypted: ptr(false)}}
	}, "dataVolumes[0].encrypted conflicts with hardening baseline"},
	{"root volume st1 still refused", func(a *NodeGroupArgs) { a.NodeRootVolumeType = "st1" }, `nodeRootVolumeType ("st1") cannot be a boot volume; use gp3`},

	// efa
	{"efa on a burstable type", func(a *NodeGroupArgs) { *a = *efaArgs(); a.InstanceType = "t3.large" }, "efa: t3.large (instanceType) has no EFA"},
	{"efa on the default type", func(a *NodeGroupArgs) {
		a.SubnetIds = pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"})
		a.Efa = &EfaOptions{}
	}, "efa: t3.medium (instanceType (default)) has no EFA"},
	{"efa on a mixed type without EFA", func(a *NodeGroupArgs) {
		*a = *efaArgs()
		a.InstanceType = ""
		a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "p5.48xlarge"}, {InstanceType: "m5.24xlarge"}}}
	}, "efa: m5.24xlarge (mixedInstancesPolicy.instanceTypes[1].instanceType) has no EFA"},
	{"efa zero interfaces", func(a *NodeGroupArgs) { *a = *efaArgs(); a.Efa.InterfaceCount = ptr(0) }, "efa.interfaceCount (0) must be at least 1"},
	{"efa bad secondary type", func(a *NodeGroupArgs) { *a = *efaArgs(); a.Efa.SecondaryInterfaceType = Ref[EfaInterfaceType]("ena") }, `efa.secondaryInterfaceType ("ena") must be one of: efa, efa-only`},
	{"efa secondary type without secondaries", func(a *NodeGroupArgs) {
		*a = *efaArgs()
		a.Efa = &EfaOptions{SecondaryInterfaceType: Ref(EfaInterfaceTypeEfa)}
	}, "efa.secondaryInterfaceType applies only with efa.interfaceCount above 1"},
	{"efa several interfaces with public IP", func(a *NodeGroupArgs) { *a = *efaArgs(); a.NodeAssociatePublicIpAddress = ptr(true) }, "nodeAssociatePublicIpAddress: EC2 gives no public IP address to instances with several network interfaces (efa.interfaceCount 4)"},
	{"efa on Windows", func(a *NodeGroupArgs) {
		*a = *efaArgs()
		a.OperatingSystem = Ref(Windows2022Core)
		a.InstanceType = "c5n.18xlarge"
	}, "efa does not apply to operatingSystem Windows2022Core"},
	{"efa with a spread group", func(a *NodeGroupArgs) {
		*a = *efaArgs()
		a.PlacementGroup = &PlacementGroupOptions{Strategy: Ref(PlacementStrategySpread)}
	}, "placementGroup.strategy (spread): EFA nodes belong in a cluster placement group"},
	{"efa default cluster group over two subnets", func(a *NodeGroupArgs) { *a = *efaArgs(); a.SubnetIds = demoArgs().SubnetIds }, "subnetIds lists 2 subnets, but EFA nodes get a cluster placement group, which lives in one Availability Zone"},

	// placementGroup
	{"cluster group over two subnets", func(a *NodeGroupArgs) { a.PlacementGroup = &PlacementGroupOptions{} }, "subnetIds lists 2 subnets, but a cluster placement group lives in one Availability Zone: give one subnet"},
	{"bad strategy", func(a *NodeGroupArgs) {
		a.PlacementGroup = &PlacementGroupOptions{Strategy: Ref[PlacementStrategy]("pack")}
	}, `placementGroup.strategy ("pack") must be one of: cluster, spread, partition`},
	{"name with strategy", func(a *NodeGroupArgs) {
		a.PlacementGroup = &PlacementGroupOptions{Name: pulumi.String("g"), Strategy: Ref(PlacementStrategyCluster)}
	}, "placementGroup.name conflicts with placementGroup.strategy"},
	{"empty name", func(a *NodeGroupArgs) { a.PlacementGroup = &PlacementGroupOptions{Name: pulumi.String("")} }, "placementGroup.name is empty"},
	{"bad name", func(a *NodeGroupArgs) { a.PlacementGroup = &PlacementGroupOptions{Name: pulumi.String("gpu\tgroup")} }, `placementGroup.name ("gpu\tgroup") must be a placement group name of 1-255 ASCII characters`},
	{"partition count on cluster", func(a *NodeGroupArgs) {
		a.SubnetIds = pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"})
		a.PlacementGroup = &PlacementGroupOptions{PartitionCount: ptr(2)}
	}, "placementGroup.partitionCount applies only to strategy partition, not cluster"},
	{"too many partitions", func(a *NodeGroupArgs) {
		a.PlacementGroup = &PlacementGroupOptions{Strategy: Ref(PlacementStrategyPartition), PartitionCount: ptr(8)}
	}, "placementGroup.partitionCount (8) must be between 1 and 7"},
	{"spread level on partition", func(a *NodeGroupArgs) {
		a.PlacementGroup = &PlacementGroupOptions{Strategy: Ref(PlacementStrategyPartition), SpreadLevel: Ref(SpreadLevelRack)}
	}, "placementGroup.spreadLevel applies only to strategy spread, not partition"},
	{"bad spread level", func(a *NodeGroupArgs) {
		a.PlacementGroup = &PlacementGroupOptions{Strategy: Ref(PlacementStrategySpread), SpreadLevel: Ref[SpreadLevel]("row")}
	}, `placementGroup.spreadLevel ("row") must be one of: rack, host`},
	{"rack spread too large", func(a *NodeGroupArgs) {
		a.MaxSize = ptr(15)
		a.PlacementGroup = &PlacementGroupOptions{Strategy: Ref(PlacementStrategySpread)}
	}, "maxSize (15) exceeds what a rack spread placement group holds: 7 running instances per Availability Zone, 14 over 2 subnets"},

	// capacityReservation and instanceMarketOptions
	{"empty reservation", func(a *NodeGroupArgs) { a.CapacityReservation = &CapacityReservation{} }, "capacityReservation must set one of preference, reservationId or resourceGroupArn"},
	{"reservation preference and target", func(a *NodeGroupArgs) {
		a.CapacityReservation = &CapacityReservation{Preference: Ref(CapacityReservationOpen), ReservationId: pulumi.String("cr-0123456789abcdef0")}
	}, "capacityReservation sets preference and reservationId: give only one"},
	{"bad preference", func(a *NodeGroupArgs) {
		a.CapacityReservation = &CapacityReservation{Preference: Ref[CapacityReservationPreference]("capacity-reservations-first")}
	}, `capacityReservation.preference ("capacity-reservations-first") must be one of: open, none`},
	{"bad reservation ID", func(a *NodeGroupArgs) {
		a.CapacityReservation = &CapacityReservation{ReservationId: pulumi.String("cb-1")}
	}, `capacityReservation.reservationId ("cb-1") must be a capacity reservation ID`},
	{"bad resource group ARN", func(a *NodeGroupArgs) {
		a.CapacityReservation = &CapacityReservation{ResourceGroupArn: pulumi.String("arn:aws:ec2:us-east-1:111122223333:capacity-reservation/cr-0123456789abcdef0")}
	}, `capacityReservation.resourceGroupArn ("arn:aws:ec2:us-east-1:111122223333:capacity-reservation/cr-0123456789abcdef0") must be a resource group ARN`},
	{"new placement group with a targeted reservation", func(a *NodeGroupArgs) {
		a.SubnetIds = pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"})
		a.PlacementGroup = &PlacementGroupOptions{}
		a.CapacityReservation = &CapacityReservation{ReservationId: pulumi.String("cr-0123456789abcdef0")}
	}, "placementGroup: a new placement group cannot hold the existing reservation"},
	{"capacity block without reservation", func(a *NodeGroupArgs) {
		a.InstanceType, a.InstanceMarketOptions = "p5.48xlarge", &InstanceMarketOptions{MarketType: MarketTypeCapacityBlock}
	}, "instanceMarketOptions.marketType (capacity-block) requires capacityReservation.reservationId"},
	{"bad market type", func(a *NodeGroupArgs) { a.InstanceMarketOptions = &InstanceMarketOptions{MarketType: "spot"} }, `instanceMarketOptions.marketType ("spot") must be one of: capacity-block`},
	{"capacity block with mixed instances", func(a *NodeGroupArgs) {
		a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "p5.48xlarge"}}}
		a.CapacityReservation = &CapacityReservation{ReservationId: pulumi.String("cr-0123456789abcdef0")}
		a.InstanceMarketOptions = &InstanceMarketOptions{MarketType: MarketTypeCapacityBlock}
	}, "instanceMarketOptions conflicts with mixedInstancesPolicy"},
	{"capacity block on a CPU type", func(a *NodeGroupArgs) {
		a.InstanceType = "m7i.48xlarge"
		a.CapacityReservation = &CapacityReservation{ReservationId: pulumi.String("cr-0123456789abcdef0")}
		a.InstanceMarketOptions = &InstanceMarketOptions{MarketType: MarketTypeCapacityBlock}
	}, "instanceMarketOptions.marketType (capacity-block): m7i.48xlarge (instanceType) is not a GPU or Trainium instance type"},

	// creditSpecification, cpuOptions, enclaveEnabled
	{"credits on a non-burstable type", func(a *NodeGroupArgs) { a.InstanceType, a.CreditSpecification = "m7i.large", Ref(CpuCreditsUnlimited) }, "creditSpecification applies only to burstable instance types (T2, T3, T3a, T4g), not m7i.large (instanceType)"},
	{"bad credits", func(a *NodeGroupArgs) { a.CreditSpecification = Ref[CpuCredits]("boost") }, `creditSpecification ("boost") must be one of: standard, unlimited`},
	{"core count without threads", func(a *NodeGroupArgs) { a.CpuOptions = &CpuOptions{CoreCount: ptr(2)} }, "cpuOptions.coreCount requires cpuOptions.threadsPerCore"},
	{"zero cores", func(a *NodeGroupArgs) { a.CpuOptions = &CpuOptions{CoreCount: ptr(0), ThreadsPerCore: ptr(1)} }, "cpuOptions.coreCount (0) must be between 1 and 512"},
	{"three threads", func(a *NodeGroupArgs) { a.CpuOptions = &CpuOptions{ThreadsPerCore: ptr(3)} }, "cpuOptions.threadsPerCore (3) must be between 1 and 2"},
	{"two threads on Graviton", func(a *NodeGroupArgs) {
		a.InstanceType, a.CpuOptions = "m7g.large", &CpuOptions{ThreadsPerCore: ptr(2)}
	}, "cpuOptions.threadsPerCore (2): Graviton (arm64) instances have one thread per core"},
	{"SEV-SNP on Intel", func(a *NodeGroupArgs) { a.InstanceType, a.CpuOptions = "m7i.large", &CpuOptions{AmdSevSnp: true} }, "cpuOptions.amdSevSnp needs an instance type of the c6a, m6a or r6a family, not m7i.large (instanceType)"},
	{"SEV-SNP on Windows", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.InstanceType, a.CpuOptions = Ref(Windows2022Core), "m6a.large", &CpuOptions{AmdSevSnp: true}
	}, "cpuOptions.amdSevSnp does not apply to operatingSystem Windows2022Core"},
	{"enclaves on a burstable type", func(a *NodeGroupArgs) { a.EnclaveEnabled = true }, "enclaveEnabled: t3.medium (instanceType (default)) cannot run Nitro Enclaves"},
}

func TestCapacityOptionValidation(t *testing.T) {
	for _, tc := range badCapacityOptions {
		t.Run(tc.name, func(t *testing.T) {
			args := demoArgs()
			tc.mutate(args)
			assertRefused(t, args, tc.want)
		})
	}
}

// TestCapacityOptionOutputsCheckedWhenTheyResolve: IDs and ARNs given as outputs follow the
// same rules when they arrive.
func TestCapacityOptionOutputsCheckedWhenTheyResolve(t *testing.T) {
	for _, tc := range []struct {
		prop   string
		mutate func(a *NodeGroupArgs)
	}{
		{"capacityReservation.reservationId", func(a *NodeGroupArgs) { a.CapacityReservation = &CapacityReservation{ReservationId: out("cr-x")} }},
		{"placementGroup.name", func(a *NodeGroupArgs) { a.PlacementGroup = &PlacementGroupOptions{Name: out("a\x00b")} }},
		{"dataVolumes[0].kmsKeyId", func(a *NodeGroupArgs) {
			a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 10, KmsKeyId: out("key")}}
		}},
	} {
		t.Run(tc.prop, func(t *testing.T) {
			args := demoArgs()
			tc.mutate(args)
			_, _, err := runNodeGroup(t, args)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.prop+` (`)
		})
	}
}

// capacityArgs are valid NodeGroup inputs with every Input field of the capacity options set,
// in two sets (a targeted reservation takes an ID or a group ARN, not both).
func capacityArgs() []*NodeGroupArgs {
	key := pulumi.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
	a := demoArgs()
	a.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 10, KmsKeyId: key}}
	a.PlacementGroup = &PlacementGroupOptions{Name: pulumi.String("existing")}
	a.CapacityReservation = &CapacityReservation{ReservationId: pulumi.String("cr-0123456789abcdef0")}
	b := demoArgs()
	b.CapacityReservation = &CapacityReservation{ResourceGroupArn: pulumi.String("arn:aws:resource-groups:us-east-1:111122223333:group/gpus")}
	return []*NodeGroupArgs{a, b}
}

// TestCapacityInputFieldsMissingOrZero: every Input field of the capacity options, missing
// in each way a Go program can leave it, is either accepted or refused under its own name,
// never a panic.
func TestCapacityInputFieldsMissingOrZero(t *testing.T) {
	for set := range capacityArgs() {
		fields := inputFields(reflect.ValueOf(capacityArgs()[set]).Elem(), "")
		for i, f := range fields {
			if !strings.HasPrefix(f.prop, "dataVolumes") && !strings.HasPrefix(f.prop, "placementGroup") && !strings.HasPrefix(f.prop, "capacityReservation") {
				continue
			}
			for kind, v := range missingValues(f.field.Type()) {
				t.Run(f.prop+" "+kind, func(t *testing.T) {
					args := capacityArgs()[set]
					inputFields(reflect.ValueOf(args).Elem(), "")[i].field.Set(v)
					var err error
					require.NotPanics(t, func() { _, _, err = runNodeGroup(t, args) })
					if kind != "zero Output" {
						return // absent: accepted, or refused for what it leaves incomplete
					}
					var verr *ValidationError
					require.True(t, errors.As(err, &verr), "refused with a ValidationError: %v", err)
					assert.True(t, slices.ContainsFunc(verr.Problems, func(p string) bool {
						return strings.HasPrefix(p, f.prop+" is a zero Output")
					}), "%q", verr.Problems)
				})
			}
		}
	}
}

func TestCapacityARNsMustBeInTheProvidersPartition(t *testing.T) {
	args := demoArgs()
	args.DataVolumes = []DataVolume{{DeviceName: "/dev/xvdc", Size: 10,
		KmsKeyId: pulumi.String("arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")}}
	_, _, err := runNodeGroup(t, args)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `dataVolumes[0].kmsKeyId ("arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab") is an ARN in partition aws-cn, but the stack's AWS provider is in aws`)
}

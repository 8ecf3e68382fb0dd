package conformance_test

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
)

// The launch-template capacity options send only inputs the real provider knows: EFA on
// several network cards with its cluster placement group, a Capacity Block, data volumes, CPU
// options and Nitro Enclaves; and a partition group, a reservation group and CPU credits.
func TestCapacityOptionsAreValidForTheFake(t *testing.T) {
	m := run(t, &nodegroup.NodeGroupArgs{
		Cluster:      cluster(),
		SubnetIds:    pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"}),
		InstanceType: "p5.48xlarge",
		Efa:          &nodegroup.EfaOptions{InterfaceCount: nodegroup.Ref(32)},
		DataVolumes: []nodegroup.DataVolume{
			{DeviceName: "/dev/xvdb", Size: 1000, Iops: nodegroup.Ref(16000), Throughput: nodegroup.Ref(1000)},
			{DeviceName: "/dev/xvdc", Size: 2000, Type: "st1", DeleteOnTermination: nodegroup.Ref(false)},
		},
		CpuOptions:     &nodegroup.CpuOptions{CoreCount: nodegroup.Ref(48), ThreadsPerCore: nodegroup.Ref(1)},
		EnclaveEnabled: true,
	})
	assert.True(t, m.types[fakeaws.PlacementGroupToken])

	m = run(t, &nodegroup.NodeGroupArgs{
		Cluster:               cluster(),
		SubnetIds:             pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"}),
		InstanceType:          "p5.48xlarge",
		Efa:                   &nodegroup.EfaOptions{InterfaceCount: nodegroup.Ref(4), SecondaryInterfaceType: nodegroup.Ref(nodegroup.EfaInterfaceTypeEfa)},
		CapacityReservation:   &nodegroup.CapacityReservation{ReservationId: pulumi.String("cr-0123456789abcdef0")},
		InstanceMarketOptions: &nodegroup.InstanceMarketOptions{MarketType: nodegroup.MarketTypeCapacityBlock},
	})
	assert.False(t, m.types[fakeaws.PlacementGroupToken], "the Capacity Block places the nodes")

	run(t, &nodegroup.NodeGroupArgs{
		Cluster:             cluster(),
		SubnetIds:           pulumi.ToStringArray([]string{"subnet-0123456789abcdef0", "subnet-0fedcba9876543210"}),
		InstanceType:        "t3.large",
		PlacementGroup:      &nodegroup.PlacementGroupOptions{Strategy: nodegroup.Ref(nodegroup.PlacementStrategyPartition), PartitionCount: nodegroup.Ref(3)},
		CapacityReservation: &nodegroup.CapacityReservation{ResourceGroupArn: pulumi.String("arn:aws:resource-groups:us-west-2:123456789012:group/reservations")},
		CreditSpecification: nodegroup.Ref(nodegroup.CpuCreditsStandard),
	})
}

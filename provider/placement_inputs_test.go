package provider

import (
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
)

// placementInputs maps the launch-template capacity options of NodeGroupArgs.
func placementInputs(t *testing.T, p *props, a *nodegroup.NodeGroupArgs) {
	if a.DataVolumes != nil {
		vols := []property.Value{}
		for _, v := range a.DataVolumes {
			vp := newProps(t)
			vp.str("deviceName", v.DeviceName)
			vp.set("size", property.New(float64(v.Size)))
			vp.str("type", v.Type)
			vp.intPtr("iops", v.Iops)
			vp.intPtr("throughput", v.Throughput)
			vp.boolPtr("encrypted", v.Encrypted)
			vp.input("kmsKeyId", v.KmsKeyId)
			vp.boolPtr("deleteOnTermination", v.DeleteOnTermination)
			vols = append(vols, vp.value())
		}
		p.set("dataVolumes", property.New(vols))
	}
	if e := a.Efa; e != nil {
		ep := newProps(t)
		ep.intPtr("interfaceCount", e.InterfaceCount)
		if e.SecondaryInterfaceType != nil {
			ep.str("secondaryInterfaceType", string(*e.SecondaryInterfaceType))
		}
		p.object("efa", ep)
	}
	if g := a.PlacementGroup; g != nil {
		gp := newProps(t)
		gp.input("name", g.Name)
		if g.Strategy != nil {
			gp.str("strategy", string(*g.Strategy))
		}
		gp.intPtr("partitionCount", g.PartitionCount)
		if g.SpreadLevel != nil {
			gp.str("spreadLevel", string(*g.SpreadLevel))
		}
		p.object("placementGroup", gp)
	}
	if c := a.CapacityReservation; c != nil {
		cp := newProps(t)
		if c.Preference != nil {
			cp.str("preference", string(*c.Preference))
		}
		cp.input("reservationId", c.ReservationId)
		cp.input("resourceGroupArn", c.ResourceGroupArn)
		p.object("capacityReservation", cp)
	}
	if m := a.InstanceMarketOptions; m != nil {
		mp := newProps(t)
		mp.str("marketType", string(m.MarketType))
		p.object("instanceMarketOptions", mp)
	}
	if c := a.CreditSpecification; c != nil {
		p.str("creditSpecification", string(*c))
	}
	if c := a.CpuOptions; c != nil {
		cp := newProps(t)
		cp.intPtr("coreCount", c.CoreCount)
		cp.intPtr("threadsPerCore", c.ThreadsPerCore)
		cp.flag("amdSevSnp", c.AmdSevSnp)
		p.object("cpuOptions", cp)
	}
	p.flag("enclaveEnabled", a.EnclaveEnabled)
}

// capacityOptionsScenario is a GPU NodeGroup with EFA on several network cards, its cluster
// placement group, an On-Demand Capacity Reservation, data volumes and CPU options.
func capacityOptionsScenario() scenario {
	return nodeGroupScenario("EFA, placement group, capacity reservation, data volumes, CPU options", func() *nodegroup.NodeGroupArgs {
		return &nodegroup.NodeGroupArgs{
			Cluster:      demoCluster(),
			SubnetIds:    pulumi.StringArray{pulumi.String("subnet-0123456789abcdef0")},
			InstanceType: "p4d.24xlarge",
			DataVolumes: []nodegroup.DataVolume{
				{DeviceName: "/dev/xvdb", Size: 500, Type: "gp3", Iops: ref(6000), Throughput: ref(500), Encrypted: ref(true),
					KmsKeyId: pulumi.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"), DeleteOnTermination: ref(false)},
			},
			Efa:                 &nodegroup.EfaOptions{InterfaceCount: ref(4), SecondaryInterfaceType: ref(nodegroup.EfaInterfaceTypeEfa)},
			PlacementGroup:      &nodegroup.PlacementGroupOptions{Strategy: ref(nodegroup.PlacementStrategyCluster)},
			CapacityReservation: &nodegroup.CapacityReservation{Preference: ref(nodegroup.CapacityReservationOpen)},
			CpuOptions:          &nodegroup.CpuOptions{CoreCount: ref(24), ThreadsPerCore: ref(1)},
			EnclaveEnabled:      true,
		}
	}, func(t *testing.T, r run) {
		pg := r.get(t, "aws:ec2/placementGroup:PlacementGroup", "ng")
		assert.Equal(t, "cluster", pg.Inputs["strategy"])
		assert.Contains(t, r.keys(), typeEgress+" ng-sg-egress-self-efa")
		lt := r.get(t, typeLT, "ng")
		assert.Len(t, lt.Inputs["networkInterfaces"], 4)
		assert.Equal(t, map[string]any{"capacityReservationPreference": "open"}, lt.Inputs["capacityReservationSpecification"])
		assert.Len(t, lt.Inputs["blockDeviceMappings"], 2)
	})
}

package nodegroup

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Defaults of the launch-template capacity options.
const (
	DefaultDataVolumeType  = "gp3"
	DefaultEfaInterfaces   = 1
	efaSecondaryDeviceSlot = 1 // the device index of the EFA interfaces on network cards 1 and up
)

// placementDefaults fills in the defaults of the capacity options, on copies of the user's
// option structs (validation and the deploy-time guards write to them).
func placementDefaults(a *NodeGroupArgs) {
	if a.DataVolumes != nil {
		vols := make([]DataVolume, len(a.DataVolumes))
		for i, v := range a.DataVolumes {
			if v.Type == "" {
				v.Type = DefaultDataVolumeType
			}
			if v.Encrypted == nil {
				v.Encrypted = ptr(true)
			}
			if v.DeleteOnTermination == nil {
				v.DeleteOnTermination = ptr(true)
			}
			vols[i] = v
		}
		a.DataVolumes = vols
	}
	if e := a.Efa; e != nil {
		c := *e
		if c.InterfaceCount == nil {
			c.InterfaceCount = ptr(DefaultEfaInterfaces)
		}
		if c.SecondaryInterfaceType == nil {
			c.SecondaryInterfaceType = Ref(EfaInterfaceTypeEfaOnly)
		}
		a.Efa = &c
	}
	if r := a.CapacityReservation; r != nil {
		c := *r
		a.CapacityReservation = &c
	}
	targeted := a.CapacityReservation != nil && (given(a.CapacityReservation.ReservationId) || given(a.CapacityReservation.ResourceGroupArn))
	switch {
	case a.PlacementGroup != nil:
		c := *a.PlacementGroup
		if c.Strategy == nil && !given(c.Name) {
			c.Strategy = Ref(PlacementStrategyCluster)
		}
		a.PlacementGroup = &c
	case a.Efa != nil && !targeted:
		// EFA nodes belong close together; a targeted reservation has its own placement.
		a.PlacementGroup = &PlacementGroupOptions{Strategy: Ref(PlacementStrategyCluster)}
	}
}

// placementInPartition checks the ARNs of the capacity options, once the provider's partition
// is known, to be in it (see inPartition).
func placementInPartition(name string, a *NodeGroupArgs, partition pulumi.StringOutput) {
	if a.DataVolumes != nil {
		vols := slices.Clone(a.DataVolumes)
		for i := range vols {
			vols[i].KmsKeyId = inPartition(NodeGroupToken, name, fmt.Sprintf("dataVolumes[%d].kmsKeyId", i), vols[i].KmsKeyId, partition)
		}
		a.DataVolumes = vols
	}
	if r := a.CapacityReservation; r != nil {
		c := *r
		c.ResourceGroupArn = inPartition(NodeGroupToken, name, "capacityReservation.resourceGroupArn", c.ResourceGroupArn, partition)
		a.CapacityReservation = &c
	}
}

// newPlacementGroup creates the placement group of the nodes, when eksnodes creates one.
func newPlacementGroup(ctx *pulumi.Context, name string, a NodeGroupArgs, clusterName pulumi.StringOutput, opts ...pulumi.ResourceOption) (*ec2.PlacementGroup, error) {
	if !createsPlacementGroup(a) {
		return nil, nil
	}
	g := a.PlacementGroup
	args := &ec2.PlacementGroupArgs{
		Strategy:       pulumi.String(string(*g.Strategy)),
		PartitionCount: pulumi.IntPtrFromPtr(g.PartitionCount),
		Tags:           resourceTags(clusterName, name, a.Tags),
	}
	if g.SpreadLevel != nil {
		args.SpreadLevel = pulumi.String(string(*g.SpreadLevel))
	}
	return ec2.NewPlacementGroup(ctx, name, args, opts...)
}

// networkInterfaces returns the nodes' network interfaces: the primary one (an EFA with
// `efa`) and, with several EFA interfaces, one per further network card.
func networkInterfaces(a NodeGroupArgs, sgs pulumi.StringArrayInput) ec2.LaunchTemplateNetworkInterfaceArray {
	primary := ec2.LaunchTemplateNetworkInterfaceArgs{
		DeviceIndex:              pulumi.Int(0),
		AssociatePublicIpAddress: pulumi.String(strconv.FormatBool(*a.NodeAssociatePublicIpAddress)),
		DeleteOnTermination:      pulumi.String("true"),
		SecurityGroups:           sgs,
	}
	if a.Efa == nil {
		return ec2.LaunchTemplateNetworkInterfaceArray{primary}
	}
	primary.InterfaceType = pulumi.String(string(EfaInterfaceTypeEfa))
	out := ec2.LaunchTemplateNetworkInterfaceArray{primary}
	for card := 1; card < *a.Efa.InterfaceCount; card++ {
		out = append(out, ec2.LaunchTemplateNetworkInterfaceArgs{
			NetworkCardIndex:    pulumi.Int(card),
			DeviceIndex:         pulumi.Int(efaSecondaryDeviceSlot),
			InterfaceType:       pulumi.String(string(*a.Efa.SecondaryInterfaceType)),
			DeleteOnTermination: pulumi.String("true"),
			SecurityGroups:      sgs,
		})
	}
	return out
}

// dataVolumeMappings returns the block device mappings of the data volumes.
func dataVolumeMappings(a NodeGroupArgs) ec2.LaunchTemplateBlockDeviceMappingArray {
	var out ec2.LaunchTemplateBlockDeviceMappingArray
	for _, v := range a.DataVolumes {
		out = append(out, ec2.LaunchTemplateBlockDeviceMappingArgs{
			DeviceName: pulumi.String(v.DeviceName),
			Ebs: ec2.LaunchTemplateBlockDeviceMappingEbsArgs{
				VolumeSize:          pulumi.Int(v.Size),
				VolumeType:          pulumi.String(v.Type),
				Encrypted:           pulumi.String(strconv.FormatBool(*v.Encrypted)),
				KmsKeyId:            v.KmsKeyId,
				Iops:                pulumi.IntPtrFromPtr(v.Iops),
				Throughput:          pulumi.IntPtrFromPtr(v.Throughput),
				DeleteOnTermination: pulumi.String(strconv.FormatBool(*v.DeleteOnTermination)),
			},
		})
	}
	return out
}

// applyCapacityOptions sets the launch template's placement, capacity reservation, market,
// CPU credit, CPU and enclave options. Unset options stay unset, so that existing groups see
// no change.
func applyCapacityOptions(args *ec2.LaunchTemplateArgs, a NodeGroupArgs, pg *ec2.PlacementGroup) {
	switch {
	case pg != nil:
		args.Placement = ec2.LaunchTemplatePlacementArgs{GroupName: pg.Name}
	case a.PlacementGroup != nil:
		args.Placement = ec2.LaunchTemplatePlacementArgs{GroupName: a.PlacementGroup.Name.ToStringOutput()}
	}
	if c := a.CapacityReservation; c != nil {
		spec := ec2.LaunchTemplateCapacityReservationSpecificationArgs{}
		switch {
		case c.Preference != nil:
			spec.CapacityReservationPreference = pulumi.String(string(*c.Preference))
		case given(c.ReservationId):
			spec.CapacityReservationTarget = ec2.LaunchTemplateCapacityReservationSpecificationCapacityReservationTargetArgs{CapacityReservationId: c.ReservationId}
		default:
			spec.CapacityReservationTarget = ec2.LaunchTemplateCapacityReservationSpecificationCapacityReservationTargetArgs{CapacityReservationResourceGroupArn: c.ResourceGroupArn}
		}
		args.CapacityReservationSpecification = spec
	}
	if m := a.InstanceMarketOptions; m != nil {
		args.InstanceMarketOptions = ec2.LaunchTemplateInstanceMarketOptionsArgs{MarketType: pulumi.String(string(m.MarketType))}
	}
	if c := a.CreditSpecification; c != nil {
		args.CreditSpecification = ec2.LaunchTemplateCreditSpecificationArgs{CpuCredits: pulumi.String(string(*c))}
	}
	if c := a.CpuOptions; c != nil {
		opts := ec2.LaunchTemplateCpuOptionsArgs{CoreCount: pulumi.IntPtrFromPtr(c.CoreCount), ThreadsPerCore: pulumi.IntPtrFromPtr(c.ThreadsPerCore)}
		if c.AmdSevSnp {
			opts.AmdSevSnp = pulumi.String("enabled")
		}
		args.CpuOptions = opts
	}
	if a.EnclaveEnabled {
		args.EnclaveOptions = ec2.LaunchTemplateEnclaveOptionsArgs{Enabled: pulumi.Bool(true)}
	}
}

// efaIngressRules are the ingress rules EFA adds to a node security group: all traffic from
// itself, which the default profile already allows.
func efaIngressRules(a NodeSecurityGroupArgs) []rulePlan {
	if !a.AllowEfa || *a.RulesProfile == RulesDefault {
		return nil
	}
	return []rulePlan{{Suffix: "ingress-self-efa", Description: "Node to node, all traffic (EFA)", Protocol: "-1", Peer: peerSelf}}
}

// efaEgressRules are the egress rules EFA adds: all traffic to the group itself. EFA requires
// this rule even when egress to anywhere exists ("The security group must allow all inbound
// and outbound traffic to and from the security group itself", Amazon EC2 User Guide,
// efa-start.html, "Prepare an EFA-enabled security group").
func efaEgressRules(a NodeSecurityGroupArgs) []rulePlan {
	if !a.AllowEfa {
		return nil
	}
	return []rulePlan{{Suffix: "egress-self-efa", Description: "Node to node, all traffic (EFA)", Protocol: "-1", Peer: peerSelf}}
}

package nodegroup

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Limits of the launch-template capacity options, with their sources.
const (
	// "Partition placement groups can have a maximum of seven partitions per Availability Zone."
	// (Amazon EC2 User Guide, placement-groups.html, "Placement group rules and limitations")
	maxPartitions = 7
	// "A rack spread placement group can span multiple Availability Zones in the same Region, and
	// can have a maximum of seven running instances per Availability Zone per group." (ibid.)
	maxSpreadPerZone = 7
)

var (
	capacityReservationIDRe    = regexp.MustCompile(`^cr-([0-9a-f]{8}|[0-9a-f]{17})$`)
	checkCapacityReservationID = checkID(capacityReservationIDRe, "a capacity reservation ID", "cr-0123456789abcdef0")
	// checkResourceGroupArn: a capacity reservation group is an AWS Resource Groups group.
	checkResourceGroupArn = arnCheck{what: "a resource group ARN", example: "arn:aws:resource-groups:us-east-1:111122223333:group/gpu-reservations",
		services: []string{"resource-groups"}, resource: func(_, r string) bool { return strings.HasPrefix(r, "group/") && len(r) > len("group/") }}.check()
	// placementGroupNameRe: "up to 255 ASCII characters" (EC2 CreatePlacementGroup, GroupName).
	placementGroupNameRe = lazyRegexp(`^[\x20-\x7e]{1,255}$`)
	// dataDeviceRe: the shape of the device names EC2 takes for EBS volumes ("Device names on Linux
	// instances" and "... on Windows instances", Amazon EC2 User Guide, device_naming.html).
	dataDeviceRe = regexp.MustCompile(`^(/dev/(sd|xvd)[a-z][a-z]?|xvd[a-z][a-z]?)$`)

	// burstableFamilies have CPU credits: "T4g, T3a, T3 and T2" (Amazon EC2 User Guide,
	// burstable-performance-instances.html).
	burstableFamilies = []string{"t2", "t3", "t3a", "t4g"}
	// sevSnpFamilies support AMD SEV-SNP: "C6a, M6a and R6a" (Amazon EC2 User Guide,
	// sev-snp.html, "Requirements").
	sevSnpFamilies = []string{"c6a", "m6a", "r6a"}
	// noEnclaveFamilies cannot be Nitro Enclaves parents: "Nitro Enclaves is supported on most
	// Intel, AMD and AWS Graviton-based Nitro instance types ... except T3, T3a, T4g, A1, ..." (AWS
	// Nitro Enclaves User Guide, nitro-enclave.html, "Requirements"); t2 is not a Nitro type.
	noEnclaveFamilies = []string{"t2", "t3", "t3a", "t4g", "a1"}
)

func checkPlacementGroupName(p *problems, prop, s string) {
	if !placementGroupNameRe.MatchString(s) {
		p.addf("%s (%q) must be a placement group name of 1-255 ASCII characters", prop, s)
	}
}

// placementFields are the string Inputs of the capacity options with their rules.
func placementFields(a *NodeGroupArgs) []stringField {
	var f []stringField
	for i := range a.DataVolumes {
		f = append(f, stringField{fmt.Sprintf("dataVolumes[%d].kmsKeyId", i), &a.DataVolumes[i].KmsKeyId, false, "", checkKMSKeyArn})
	}
	if g := a.PlacementGroup; g != nil {
		f = append(f, stringField{"placementGroup.name", &g.Name, false, "", checkPlacementGroupName})
	}
	if c := a.CapacityReservation; c != nil {
		f = append(f,
			stringField{"capacityReservation.reservationId", &c.ReservationId, false, "", checkCapacityReservationID},
			stringField{"capacityReservation.resourceGroupArn", &c.ResourceGroupArn, false, "", checkResourceGroupArn})
	}
	return f
}

// nodeInstanceTypes are the instance types the group launches, with their property paths.
func nodeInstanceTypes(raw *NodeGroupArgs, a NodeGroupArgs) (props, types []string) {
	if m := a.MixedInstancesPolicy; m != nil {
		for i, o := range m.InstanceTypes {
			props = append(props, fmt.Sprintf("mixedInstancesPolicy.instanceTypes[%d].instanceType", i))
			types = append(types, o.InstanceType)
		}
		return props, types
	}
	prop := "instanceType"
	if raw.InstanceType == "" {
		prop = "instanceType (default)"
	}
	return []string{prop}, []string{a.InstanceType}
}

// eachKnownFamily calls f for every instance type of the group whose family eksnodes knows.
func eachKnownFamily(raw *NodeGroupArgs, a NodeGroupArgs, f func(prop, instanceType, family string, info instanceFamilyInfo)) {
	props, types := nodeInstanceTypes(raw, a)
	for i, t := range types {
		fam := instanceFamily(t)
		if info, ok := instanceFamilies[fam]; ok && instanceTypeRe.MatchString(t) {
			f(props[i], t, fam, info)
		}
	}
}

// checkPlacement validates the launch-template capacity options: data volumes, EFA, placement
// group, capacity reservation and market, CPU credits and options, Nitro Enclaves.
func checkPlacement(p *problems, raw *NodeGroupArgs, a NodeGroupArgs) {
	checkDataVolumes(p, a)
	checkEfa(p, raw, a)
	checkPlacementGroup(p, raw, a)
	checkReservation(p, raw, a)
	if c := a.CreditSpecification; c != nil && checkEnum(p, "creditSpecification", *c, []CpuCredits{CpuCreditsStandard, CpuCreditsUnlimited}) {
		eachKnownFamily(raw, a, func(prop, t, fam string, _ instanceFamilyInfo) {
			if !slices.Contains(burstableFamilies, fam) {
				p.addf("creditSpecification applies only to burstable instance types (T2, T3, T3a, T4g), not %s (%s)", t, prop)
			}
		})
	}
	if c := a.CpuOptions; c != nil {
		checkIntPtr(p, "cpuOptions.coreCount", c.CoreCount, 1, 512, "")
		if c.CoreCount != nil && c.ThreadsPerCore == nil {
			// "You must specify both the number of CPU cores and threads per core." (Amazon EC2 User
			// Guide, instance-specify-cpu-options.html)
			p.addf("cpuOptions.coreCount requires cpuOptions.threadsPerCore: EC2 takes both")
		}
		if t := c.ThreadsPerCore; t != nil {
			checkRange(p, "cpuOptions.threadsPerCore", *t, 1, 2, "")
			if *t == 2 && a.Architecture != nil && *a.Architecture == ARM64 {
				p.addf("cpuOptions.threadsPerCore (2): Graviton (arm64) instances have one thread per core")
			}
		}
		if c.AmdSevSnp && validOS(*a.OperatingSystem) && factsOf(*a.OperatingSystem).windows {
			// SEV-SNP guests need a Linux kernel that supports it (Amazon EC2 User Guide,
			// sev-snp.html, "Requirements": AL2023, RHEL, SUSE, Ubuntu).
			p.addf("cpuOptions.amdSevSnp does not apply to operatingSystem %s: AMD SEV-SNP needs a Linux AMI that supports it, such as AL2023", *a.OperatingSystem)
		}
		if c.AmdSevSnp {
			eachKnownFamily(raw, a, func(prop, t, fam string, _ instanceFamilyInfo) {
				if !slices.Contains(sevSnpFamilies, fam) {
					p.addf("cpuOptions.amdSevSnp needs an instance type of the c6a, m6a or r6a family, not %s (%s)", t, prop)
				}
			})
		}
	}
	if a.EnclaveEnabled {
		eachKnownFamily(raw, a, func(prop, t, fam string, _ instanceFamilyInfo) {
			if slices.Contains(noEnclaveFamilies, fam) {
				p.addf("enclaveEnabled: %s (%s) cannot run Nitro Enclaves; use a Nitro instance type that is not burstable or A1", t, prop)
			}
		})
	}
}

// deviceKey is a device name as EC2 may present it: /dev/sdf and xvdf are the same disk.
func deviceKey(name string) string {
	n := strings.TrimPrefix(name, "/dev/")
	n = strings.TrimRight(n, "0123456789")
	if strings.HasPrefix(n, "sd") {
		n = "xvd" + strings.TrimPrefix(n, "sd")
	}
	return n
}

func checkDataVolumes(p *problems, a NodeGroupArgs) {
	rv := rootVolumeFor(*a.OperatingSystem)
	taken := map[string]string{deviceKey(rv.device): "the root volume"}
	if rv.osDevice != "" {
		taken[deviceKey(rv.osDevice)] = "the OS volume"
		taken[deviceKey(rv.device)] = "the data volume sized by nodeRootVolumeSize"
	}
	windows := factsOf(*a.OperatingSystem).windows
	for i, v := range a.DataVolumes {
		prop := fmt.Sprintf("dataVolumes[%d]", i)
		switch {
		case v.DeviceName == "":
			p.addf("%s.deviceName is required", prop)
		case !dataDeviceRe.MatchString(v.DeviceName) || (!windows && !strings.HasPrefix(v.DeviceName, "/dev/")):
			p.addf("%s.deviceName (%q) must be an EBS device name such as /dev/xvdc (/dev/sd[b-z] or /dev/xvd[b-z]; xvd[b-z] on Windows)", prop, v.DeviceName)
		default:
			k := deviceKey(v.DeviceName)
			if what, ok := taken[k]; ok {
				p.addf("%s.deviceName (%s) is already %s", prop, v.DeviceName, what)
			} else {
				taken[k] = prop + "'s device"
			}
		}
		checkEBS(p, ebsProps{size: prop + ".size", typ: prop + ".type", iops: prop + ".iops", throughput: prop + ".throughput"},
			ebsSpec{size: v.Size, typ: v.Type, iops: v.Iops, throughput: v.Throughput})
		if given(v.KmsKeyId) && !*v.Encrypted {
			p.addf("%s.kmsKeyId requires %s.encrypted to be true", prop, prop)
		}
		if *a.Hardening == HardeningBaseline && !*v.Encrypted {
			p.addf("%s.encrypted conflicts with hardening baseline: volumes are encrypted", prop)
		}
	}
}

// ebsProps are the property paths of one EBS volume's settings.
type ebsProps struct{ size, typ, iops, throughput string }

// ebsSpec is one EBS volume's settings. minSize, when set, is an extra rule on a size within
// the type's limits; it reports its own problem and returns false when the size breaks it.
type ebsSpec struct {
	size             int
	typ              string
	iops, throughput *int
	boot             bool
	minSize          func(size int) bool
}

// checkEBS checks an EBS volume against AWS's limits per volume type: the sizes, provisioned
// IOPS (with their ratio to the size) and gp3 throughput (with its ratio to the IOPS). HDD
// types (st1, sc1) cannot be boot volumes (Amazon EBS User Guide, ebs-volume-types.html).
func checkEBS(p *problems, n ebsProps, v ebsSpec) {
	typ, size := v.typ, v.size
	typeOK := false
	switch typ {
	case "gp3", "gp2", "io1", "io2", "standard":
		typeOK = true
	case "st1", "sc1":
		if v.boot {
			p.addf("%s (%q) cannot be a boot volume; use gp3", n.typ, typ)
		} else {
			typeOK = true
		}
	default:
		if v.boot {
			p.addf("%s (%q) must be one of: gp3, gp2, io1, io2, standard", n.typ, typ)
		} else {
			p.addf("%s (%q) must be one of: gp3, gp2, io1, io2, st1, sc1, standard", n.typ, typ)
		}
	}
	sizeOK := false
	if lim, ok := volumeSizeLimits[typ]; ok && typeOK {
		switch {
		case size < lim[0] || size > lim[1]:
			p.addf("%s (%d) must be between %d and %d GiB for %s", n.size, size, lim[0], lim[1], typ)
		case v.minSize != nil && !v.minSize(size):
		default:
			sizeOK = true
		}
	}
	iops := 0
	if v.iops != nil {
		iops = *v.iops
		lim, ok := iopsLimits[typ]
		switch {
		case !typeOK:
		case !ok:
			p.addf("%s applies only to gp3, io1 and io2 volumes, not %s", n.iops, typ)
		case iops < lim.lo || iops > lim.hi:
			p.addf("%s (%d) must be between %d and %d for %s", n.iops, iops, lim.lo, lim.hi, typ)
		case sizeOK && iops > size*lim.perGiB:
			p.addf("%s (%d) exceeds %d IOPS per GiB for %s: a %d GiB volume allows at most %d (raise %s)", n.iops, iops, lim.perGiB, typ, size, size*lim.perGiB, n.size)
		}
	} else if typ == "io1" || typ == "io2" {
		p.addf("%s is required for %s volumes", n.iops, typ)
	}
	if tp := v.throughput; tp != nil {
		switch {
		case !typeOK:
		case typ != "gp3":
			p.addf("%s applies only to gp3 volumes, not %s", n.throughput, typ)
		case *tp < 125 || *tp > 2000:
			p.addf("%s (%d) must be between 125 and 2000 MiB/s", n.throughput, *tp)
		default:
			effective := 3000 // gp3's baseline IOPS when none are provisioned
			if iops > 0 {
				effective = iops
			}
			if *tp*4 > effective {
				p.addf("%s (%d MiB/s) exceeds 0.25 MiB/s per IOPS: %d IOPS allow at most %d MiB/s (raise %s)", n.throughput, *tp, effective, effective/4, n.iops)
			}
		}
	}
}

func checkEfa(p *problems, raw *NodeGroupArgs, a NodeGroupArgs) {
	e := a.Efa
	if e == nil {
		return
	}
	checkIntPtr(p, "efa.interfaceCount", e.InterfaceCount, 1, maxInt32, "")
	checkEnum(p, "efa.secondaryInterfaceType", *e.SecondaryInterfaceType, []EfaInterfaceType{EfaInterfaceTypeEfa, EfaInterfaceTypeEfaOnly})
	if raw.Efa.SecondaryInterfaceType != nil && *e.InterfaceCount == 1 {
		p.addf("efa.secondaryInterfaceType applies only with efa.interfaceCount above 1")
	}
	eachKnownFamily(raw, a, func(prop, t, fam string, _ instanceFamilyInfo) {
		if efaFamilies[fam] == efaNone {
			p.addf("efa: %s (%s) has no EFA; EFA needs the largest sizes of EFA families such as p5, p4d, trn1, c5n, hpc7g", t, prop)
		}
	})
	// "You can't auto-assign a public IPv4 address to your instance if you specify more than one
	// network interface." (Amazon EC2 User Guide, using-instance-addressing.html)
	if *e.InterfaceCount > 1 && *a.NodeAssociatePublicIpAddress {
		p.addf("nodeAssociatePublicIpAddress: EC2 gives no public IP address to instances with several network interfaces (efa.interfaceCount %d)", *e.InterfaceCount)
	}
	// "All instances that use an EFA must be in the same cluster placement group." (AWS Batch User
	// Guide, efa.html)
	if g := raw.PlacementGroup; g != nil && g.Strategy != nil && *g.Strategy != PlacementStrategyCluster {
		p.addf("placementGroup.strategy (%s): EFA nodes belong in a cluster placement group", *g.Strategy)
	}
}

// createsPlacementGroup says whether eksnodes creates a placement group for the nodes.
func createsPlacementGroup(a NodeGroupArgs) bool {
	return a.PlacementGroup != nil && !given(a.PlacementGroup.Name)
}

func checkPlacementGroup(p *problems, raw *NodeGroupArgs, a NodeGroupArgs) {
	g := a.PlacementGroup
	if g == nil {
		return
	}
	const prop = "placementGroup"
	if given(g.Name) {
		for _, s := range []struct {
			name string
			set  bool
		}{{"strategy", raw.PlacementGroup.Strategy != nil}, {"partitionCount", g.PartitionCount != nil}, {"spreadLevel", g.SpreadLevel != nil}} {
			if s.set {
				p.addf("%s.name conflicts with %s.%s: the existing group has its own", prop, prop, s.name)
			}
		}
		return
	}
	if !checkEnum(p, prop+".strategy", *g.Strategy, []PlacementStrategy{PlacementStrategyCluster, PlacementStrategySpread, PlacementStrategyPartition}) {
		return
	}
	if n := g.PartitionCount; n != nil {
		if *g.Strategy != PlacementStrategyPartition {
			p.addf("%s.partitionCount applies only to strategy partition, not %s", prop, *g.Strategy)
		} else {
			checkRange(p, prop+".partitionCount", *n, 1, maxPartitions, "")
		}
	}
	if l := g.SpreadLevel; l != nil {
		if *g.Strategy != PlacementStrategySpread {
			p.addf("%s.spreadLevel applies only to strategy spread, not %s", prop, *g.Strategy)
		} else {
			checkEnum(p, prop+".spreadLevel", *l, []SpreadLevel{SpreadLevelRack, SpreadLevelHost})
		}
	}
	subnets, known := plainStrings(a.SubnetIds)
	switch {
	case !known || len(subnets) < 2:
	case *g.Strategy == PlacementStrategyCluster && raw.PlacementGroup == nil:
		p.addf("subnetIds lists %d subnets, but EFA nodes get a cluster placement group, which lives in one Availability Zone: give one subnet, or set placementGroup or capacityReservation.reservationId", len(subnets))
	case *g.Strategy == PlacementStrategyCluster:
		// "A cluster placement group can't span multiple Availability Zones." (placement-groups.html)
		p.addf("subnetIds lists %d subnets, but a cluster placement group lives in one Availability Zone: give one subnet", len(subnets))
	}
	if *g.Strategy == PlacementStrategySpread && valueOr(g.SpreadLevel, SpreadLevelRack) == SpreadLevelRack && known && len(subnets) > 0 &&
		*a.MaxSize > maxSpreadPerZone*len(subnets) {
		p.addf("maxSize (%d) exceeds what a rack spread placement group holds: %d running instances per Availability Zone, %d over %d subnets", *a.MaxSize, maxSpreadPerZone, maxSpreadPerZone*len(subnets), len(subnets))
	}
}

func checkReservation(p *problems, raw *NodeGroupArgs, a NodeGroupArgs) {
	c := a.CapacityReservation
	if c != nil {
		const prop = "capacityReservation"
		var set []string
		if c.Preference != nil {
			set = append(set, "preference")
			checkEnum(p, prop+".preference", *c.Preference, []CapacityReservationPreference{CapacityReservationOpen, CapacityReservationNone})
		}
		if given(c.ReservationId) {
			set = append(set, "reservationId")
		}
		if given(c.ResourceGroupArn) {
			set = append(set, "resourceGroupArn")
		}
		// "If you specify open or none for CapacityReservationPreference, do not specify a
		// CapacityReservationTarget." (AWS::EC2::LaunchTemplate CapacityReservationSpecification)
		switch len(set) {
		case 0:
			p.addf("%s must set one of preference, reservationId or resourceGroupArn", prop)
		case 1:
		default:
			p.addf("%s sets %s: give only one of preference, reservationId and resourceGroupArn", prop, strings.Join(set, " and "))
		}
		// A placement group eksnodes creates cannot hold an existing reservation: instances that
		// target a reservation in a cluster placement group launch into that group ("Capacity
		// Reservations in cluster placement groups", Amazon EC2 User Guide, cr-cpg.html).
		if given(c.ReservationId) && raw.PlacementGroup != nil && createsPlacementGroup(a) {
			p.addf("placementGroup: a new placement group cannot hold the existing reservation capacityReservation.reservationId; name the reservation's placement group in placementGroup.name, or leave placementGroup out")
		}
	}
	m := a.InstanceMarketOptions
	if m == nil {
		return
	}
	if !checkEnum(p, "instanceMarketOptions.marketType", m.MarketType, []MarketType{MarketTypeCapacityBlock}) {
		return
	}
	// "Capacity Blocks are delivered as targeted capacity reservations ... specify the Capacity
	// Block's reservation ID and instance type" (Amazon EC2 Auto Scaling User Guide,
	// launch-template-capacity-blocks.html).
	if c == nil || !given(c.ReservationId) {
		p.addf("instanceMarketOptions.marketType (capacity-block) requires capacityReservation.reservationId, the Capacity Block's reservation")
	}
	if raw.MixedInstancesPolicy != nil {
		p.addf("instanceMarketOptions conflicts with mixedInstancesPolicy: a Capacity Block reserves one instance type, On-Demand, with no Spot")
	}
	// "Capacity Blocks for ML allow you to reserve GPU-based accelerated computing instances"
	// (Amazon EC2 User Guide, ec2-capacity-blocks.html): NVIDIA GPU and Trainium families.
	eachKnownFamily(raw, a, func(prop, t, _ string, info instanceFamilyInfo) {
		if info.accel != accelNvidia && info.accel != accelNeuron {
			p.addf("instanceMarketOptions.marketType (capacity-block): %s (%s) is not a GPU or Trainium instance type, which Capacity Blocks reserve", t, prop)
		}
	})
}

// efaSupport is what eksnodes knows of an instance family's EFA support. EFA exists on some
// sizes of a family only (usually the largest); EC2 refuses the others at launch.
type efaSupport int

const (
	efaUnknown efaSupport = iota // not in the lists below: accepted
	efaSome                      // some sizes have EFA
	efaNone                      // no size has EFA: refused
)

// efaFamilies is the EFA support of instance families, from the list of supported instance types
// in the Amazon EC2 User Guide ("Elastic Fabric Adapter", efa.md#efa-instance-types, as published
// in github.com/awsdocs/amazon-ec2-user-guide doc_source/efa.md, which covers families launched up
// to late 2022). efaNone marks the families that list omits although they were launched before
// 2022 (and so before that list): none of their sizes has EFA. Families launched since are
// unknown here and accepted, whatever their support.
var efaFamilies = map[string]efaSupport{
	"c5n": efaSome, "c6a": efaSome, "c6gn": efaSome, "c6i": efaSome, "c6id": efaSome, "c7g": efaSome,
	"dl1": efaSome, "g4dn": efaSome, "g5": efaSome, "hpc6a": efaSome, "hpc6id": efaSome, "i3en": efaSome,
	"i4i": efaSome, "im4gn": efaSome, "inf1": efaSome, "m5dn": efaSome, "m5n": efaSome, "m5zn": efaSome,
	"m6a": efaSome, "m6i": efaSome, "m6id": efaSome, "p3dn": efaSome, "p4d": efaSome, "r5dn": efaSome,
	"r5n": efaSome, "r6a": efaSome, "r6i": efaSome, "r6id": efaSome, "trn1": efaSome, "x2idn": efaSome,
	"x2iedn": efaSome, "x2iezn": efaSome,

	"a1": efaNone, "c1": efaNone, "c3": efaNone, "c4": efaNone, "c5": efaNone, "c5a": efaNone,
	"c5ad": efaNone, "c5d": efaNone, "c6g": efaNone, "c6gd": efaNone, "cc1": efaNone, "cc2": efaNone,
	"cg1": efaNone, "cr1": efaNone, "d2": efaNone, "d3": efaNone, "d3en": efaNone, "f1": efaNone,
	"g2": efaNone, "g3": efaNone, "g3s": efaNone, "g4ad": efaNone, "g5g": efaNone, "h1": efaNone,
	"hi1": efaNone, "hs1": efaNone, "i2": efaNone, "i3": efaNone, "is4gen": efaNone, "m1": efaNone,
	"m2": efaNone, "m3": efaNone, "m4": efaNone, "m5": efaNone, "m5a": efaNone, "m5ad": efaNone,
	"m5d": efaNone, "m6g": efaNone, "m6gd": efaNone, "p2": efaNone, "p3": efaNone, "r3": efaNone,
	"r4": efaNone, "r5": efaNone, "r5a": efaNone, "r5ad": efaNone, "r5b": efaNone, "r5d": efaNone,
	"r6g": efaNone, "r6gd": efaNone, "t1": efaNone, "t2": efaNone, "t3": efaNone, "t3a": efaNone,
	"t4g": efaNone, "vt1": efaNone, "x1": efaNone, "x1e": efaNone, "x2gd": efaNone, "z1d": efaNone,
}

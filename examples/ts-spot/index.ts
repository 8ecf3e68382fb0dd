// A Spot-only EKS self-managed node group whose instance types Auto Scaling selects by their
// attributes (attribute-based instance type selection), from TypeScript. Any current type with
// 2-8 vCPUs and 4-32 GiB of memory whose CPU has the configured architecture may run a node,
// which spreads the group over many Spot pools; price protection keeps expensive types out.
// The cluster facts come from stack configuration (Pulumi.yaml holds demo defaults).
import * as pulumi from "@pulumi/pulumi";
import * as eksnodes from "@eksnodes/eksnodes";

const config = new pulumi.Config();

const spot = new eksnodes.NodeGroup("spot", {
    cluster: {
        name: config.require("clusterName"),
        endpoint: config.require("clusterEndpoint"),
        certificateAuthority: config.require("clusterCertificateAuthority"),
        serviceCidr: config.require("clusterServiceCidr"),
        version: config.require("clusterVersion"),
        securityGroupId: config.require("clusterSecurityGroupId"),
        vpcId: config.require("vpcId"),
    },
    subnetIds: config.requireObject<string[]>("subnetIds"),
    // Required with instanceRequirements: it selects the AMI, and so the types' architecture.
    architecture: config.require("architecture") as eksnodes.Architecture,
    minSize: 0,
    maxSize: 10,
    desiredCapacity: 2,
    mixedInstancesPolicy: {
        instanceRequirements: {
            vcpuCount: { min: 2, max: 8 },
            memoryMib: { min: 4096, max: 32768 },
            instanceGenerations: [eksnodes.InstanceGeneration.Current],
            burstablePerformance: eksnodes.AttributeInclusion.Excluded,
            excludedInstanceTypes: ["*.metal*"],
            // Leave out types whose Spot price is above 60% of the cheapest matching
            // On-Demand C, M or R type.
            maxSpotPriceAsPercentageOfOptimalOnDemandPrice: 60,
        },
        onDemandBaseCapacity: 0,
        onDemandPercentageAboveBaseCapacity: 0, // Spot only
        spotAllocationStrategy: "price-capacity-optimized",
    },
    // Replace a node as soon as EC2 says its Spot capacity is at risk.
    capacityRebalance: true,
    clusterAutoscalerTags: true,
    labels: { "node.kubernetes.io/lifecycle": "spot" },
    nodeRoleOptions: { enableSsmAccess: true },
    tags: { environment: "demo" },
});

export const autoScalingGroupName = spot.autoScalingGroupName;
export const launchTemplateId = spot.launchTemplateId;
export const amiId = spot.amiId;

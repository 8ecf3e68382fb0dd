// An EKS self-managed node group with labels and taints, from TypeScript.
// The cluster facts come from stack configuration (Pulumi.yaml holds demo defaults).
import * as pulumi from "@pulumi/pulumi";
import * as eksnodes from "@eksnodes/eksnodes";

const config = new pulumi.Config();

const workers = new eksnodes.NodeGroup("workers", {
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
    instanceType: config.require("instanceType"),
    minSize: 1,
    maxSize: 4,
    desiredCapacity: 2,
    labels: { workload: "general", team: "platform" },
    taints: {
        dedicated: { value: "platform", effect: eksnodes.TaintEffect.NoSchedule },
    },
    nodeRoleOptions: { enableSsmAccess: true },
    tags: { environment: "demo" },
});

export const autoScalingGroupName = workers.autoScalingGroupName;
export const roleArn = workers.roleArn;
export const securityGroupId = workers.securityGroupId;
export const amiId = workers.amiId;
export const userData = workers.userData;

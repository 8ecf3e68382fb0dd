// A node group of m7i.large nodes with labels and a taint, in a cluster described by its facts.
import * as eksnodes from "@eksnodes/eksnodes";

const workers = new eksnodes.NodeGroup("workers", {
    cluster: {
        name: "demo",
        endpoint: "https://0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com",
        certificateAuthority: "LS0tLS1CRUdJTi...",
        serviceCidr: "172.20.0.0/16",
        version: "1.33",
        securityGroupId: "sg-0123456789abcdef0",
        vpcId: "vpc-0123456789abcdef0",
    },
    subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
    instanceType: "m7i.large",
    minSize: 1,
    maxSize: 4,
    desiredCapacity: 2,
    labels: { "workload": "general" },
    taints: {
        "dedicated": { value: "platform", effect: eksnodes.TaintEffect.NoSchedule },
    },
    nodeRoleOptions: { enableSsmAccess: true },
    tags: { "environment": "demo" },
});

export const autoScalingGroupName = workers.autoScalingGroupName;
export const amiId = workers.amiId;

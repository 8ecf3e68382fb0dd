// A node role, with Session Manager access, that several node groups can share.
import * as eksnodes from "@eksnodes/eksnodes";

const role = new eksnodes.NodeRole("nodes", {
    clusterName: "demo",
    enableSsmAccess: true,
    ecrPullOnly: true,
    tags: { "team": "platform" },
});

export const roleArn = role.roleArn;
export const instanceProfileArn = role.instanceProfileArn;

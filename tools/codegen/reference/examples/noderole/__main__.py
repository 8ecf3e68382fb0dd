"""A node role, with Session Manager access, that several node groups can share."""

import pulumi
import pulumi_eksnodes as eksnodes

role = eksnodes.NodeRole(
    "nodes",
    cluster_name="demo",
    enable_ssm_access=True,
    ecr_pull_only=True,
    tags={"team": "platform"},
)

pulumi.export("roleArn", role.role_arn)
pulumi.export("instanceProfileArn", role.instance_profile_arn)

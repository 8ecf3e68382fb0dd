module github.com/eksnodes/pulumi-eksnodes/tools/release

go 1.25.11

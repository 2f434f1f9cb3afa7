// Amazon Athena, AWS Glue and Amazon S3 adapters: provisioning, the Athena engine and S3 sources and sinks.

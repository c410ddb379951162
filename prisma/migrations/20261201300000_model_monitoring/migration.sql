-- CreateTable
CREATE TABLE "ModelMonitoring" (
    "month" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelMonitoring_pkey" PRIMARY KEY ("month","reference")
);


// Every job kind, registered in every process that runs a worker. A new kind adds one import here.
import "./due-limit-changes";
import "@/features/imports/job";
import "@/features/model/rescore-job";
import "@/features/model/fit-job";
import "./policy-runs";
import "./bulk-decisions";
import "./prune-jobs";
import "./compact-inbox-totals";

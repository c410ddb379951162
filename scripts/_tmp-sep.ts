import { writeFileSync } from "node:fs";
import { loadUciCsv } from "@/features/import/csv";
import { monthFile } from "./seed-files";
writeFileSync("/tmp/cycle-sep.csv", monthFile(loadUciCsv().rows, 5).content);

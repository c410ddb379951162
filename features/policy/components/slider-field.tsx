"use client";

import { Slider } from "radix-ui";
import { Input } from "@/components/field";
import { cn } from "@/components/cn";
import { parseNumber, type FieldDef } from "./policy-fields";

type Props = {
  def: FieldDef;
  value: string;
  error?: string;
  readOnly: boolean;
  onChange: (value: string) => void;
};

/**
 * One policy number: a labelled number input (exact values, hundredths where allowed) and a
 * Radix slider for the same value (keyboard: arrows, Page Up/Down, Home/End). Both share the label;
 * the hint and the error are tied to both with aria-describedby.
 */
export function SliderField({ def, value, error, readOnly, onChange }: Props) {
  const base = `policy-${def.path.replaceAll(".", "-")}`;
  const inputId = `${base}-input`;
  const labelId = `${base}-label`;
  const hintId = def.hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const parsed = parseNumber(value);
  const sliderValue = Math.min(def.slider.max, Math.max(def.slider.min, parsed ?? def.slider.min));
  const label = def.unit ? `${def.label} (${def.unit})` : def.label;

  return (
    <div>
      <label id={labelId} htmlFor={inputId} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1 flex items-center gap-3">
        <Slider.Root
          className="relative flex h-6 flex-1 touch-none items-center select-none data-[disabled]:opacity-60"
          min={def.slider.min}
          max={def.slider.max}
          step={def.slider.step}
          value={[sliderValue]}
          disabled={readOnly}
          onValueChange={([v]) => onChange(String(v))}
        >
          <Slider.Track className="relative h-1.5 grow rounded-full bg-slate-200">
            <Slider.Range className="absolute h-full rounded-full bg-blue-700" />
          </Slider.Track>
          <Slider.Thumb
            aria-labelledby={labelId}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            aria-valuetext={def.valueText && parsed !== undefined ? def.valueText(sliderValue) : undefined}
            className={cn(
              "block size-4 rounded-full border-2 bg-white shadow-sm",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700",
              error ? "border-red-700" : "border-blue-700",
              !readOnly && "cursor-grab active:cursor-grabbing",
            )}
          />
        </Slider.Root>
        <div className="w-32 shrink-0">
          <Input
            id={inputId}
            type="number"
            inputMode="decimal"
            min={def.min}
            max={def.max}
            step={def.step}
            value={value}
            readOnly={readOnly}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.value)}
            className={cn(
              "text-right tabular-nums",
              readOnly && "bg-slate-50 text-slate-700",
              error && "border-red-700 focus:border-red-700 focus:outline-red-700/30",
            )}
          />
        </div>
      </div>
      {def.hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {def.hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

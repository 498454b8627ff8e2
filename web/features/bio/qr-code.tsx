import qrcode from "qrcode-generator";
import { createMemo, For } from "solid-js";

/** A QR code of `value` as inline SVG, drawn from the modules (no HTML strings). */
export function QrCode(props: { value: string; size?: number; label: string }) {
  const code = createMemo(() => {
    const qr = qrcode(0, "M");
    qr.addData(props.value);
    qr.make();
    const count = qr.getModuleCount();
    const cells: { x: number; y: number }[] = [];
    for (let y = 0; y < count; y++) for (let x = 0; x < count; x++) if (qr.isDark(y, x)) cells.push({ x, y });
    return { count, cells };
  });
  return (
    <svg
      role="img"
      aria-label={props.label}
      width={props.size ?? 160}
      height={props.size ?? 160}
      viewBox={`-2 -2 ${code().count + 4} ${code().count + 4}`}
      shape-rendering="crispEdges"
      data-testid="bio-qr"
    >
      <rect x="-2" y="-2" width={code().count + 4} height={code().count + 4} fill="#fff" />
      <For each={code().cells}>{(cell) => <rect x={cell.x} y={cell.y} width="1" height="1" fill="#111827" />}</For>
    </svg>
  );
}

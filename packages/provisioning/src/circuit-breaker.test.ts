import { describe, expect, it } from "vitest";
import { BitTitanCircuitOpenError, CircuitBreaker } from "./circuit-breaker.ts";

function breaker(options: { threshold?: number } = {}) {
  let now = 1_000_000;
  const changes: string[] = [];
  const circuit = new CircuitBreaker({
    failureThreshold: options.threshold ?? 3,
    probeIntervalMs: 5_000,
    now: () => now,
    onChange: (state) => changes.push(state),
  });
  return { circuit, changes, advance: (ms: number) => (now += ms) };
}

describe("CircuitBreaker", () => {
  it("opens after the threshold of consecutive failures, and a success in between resets the count", () => {
    const { circuit, changes } = breaker();
    circuit.failed(circuit.admit());
    circuit.failed(circuit.admit());
    circuit.succeeded(circuit.admit());
    circuit.failed(circuit.admit());
    circuit.failed(circuit.admit());
    expect(circuit.state).toBe("closed");
    circuit.failed(circuit.admit());
    expect(circuit.state).toBe("open");
    expect(changes).toEqual(["open"]);
  });

  it("refuses calls while open, lets one probe through per interval, and closes on its success", () => {
    const { circuit, changes, advance } = breaker({ threshold: 1 });
    circuit.failed(circuit.admit());
    expect(() => circuit.admit()).toThrow(BitTitanCircuitOpenError);
    advance(5_000);
    const probe = circuit.admit();
    expect(probe.probe).toBe(true);
    // Only one probe at a time.
    expect(() => circuit.admit()).toThrow(BitTitanCircuitOpenError);
    circuit.failed(probe);
    expect(circuit.state).toBe("open");
    advance(4_999);
    expect(() => circuit.admit()).toThrow(BitTitanCircuitOpenError);
    advance(1);
    circuit.succeeded(circuit.admit());
    expect(circuit.state).toBe("closed");
    expect(circuit.admit().probe).toBe(false);
    expect(changes).toEqual(["open", "closed"]);
  });

  it("tells refused callers when the next probe may go", () => {
    const { circuit, advance } = breaker({ threshold: 1 });
    circuit.failed(circuit.admit());
    advance(2_000);
    try {
      circuit.admit();
      throw new Error("expected a refusal");
    } catch (error) {
      expect(error).toBeInstanceOf(BitTitanCircuitOpenError);
      expect((error as BitTitanCircuitOpenError).retryAt.getTime()).toBe(1_000_000 + 5_000);
      expect((error as BitTitanCircuitOpenError).retryable).toBe(true);
    }
  });
});

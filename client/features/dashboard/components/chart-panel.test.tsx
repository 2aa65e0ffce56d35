import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n/i18n';
import { ChartPanel } from './chart-panel';

/** An IntersectionObserver the test moves: `reveal()` brings every observed element into view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  elements: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(element: Element) {
    this.elements.push(element);
  }
  disconnect() {
    this.elements = [];
  }
  reveal() {
    this.callback(
      this.elements.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry),
      this as unknown as IntersectionObserver,
    );
  }
}

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ChartPanel', () => {
  it('keeps the chart’s height free and draws it only once it is about to be seen', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <ChartPanel
          title="Quá hạn theo tháng"
          height={320}
          chart={<svg data-testid="chart" />}
          table={<table />}
        />
      </I18nextProvider>,
    );
    const box = screen.getByRole('img', { name: /Quá hạn theo tháng/ });
    expect(box.style.minHeight).toBe('320px');
    expect(screen.queryByTestId('chart')).toBeNull();
    act(() => {
      for (const observer of FakeObserver.all) observer.reveal();
    });
    expect(screen.getByTestId('chart')).toBeTruthy();
  });
});

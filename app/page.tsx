export default function Home() {
  return (
    <main
      style={{
        fontFamily: "system-ui, sans-serif",
        maxWidth: 640,
        margin: "4rem auto",
        padding: "0 1rem",
      }}
    >
      <h1>E2B webhook receiver</h1>
      <p>
        E2B delivers sandbox lifecycle webhooks to{" "}
        <code>POST /api/webhooks/e2b</code>.
      </p>
    </main>
  );
}
